package io.signaldesk.platform.hmac;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.secrets.SecretBox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Authenticates every HMAC-signed request (EA devices, signal producers) the same way:
 * <ol>
 *   <li>the cheap refusals first (headers, a canonical lower-case UUID as the signer id, the
 *   timestamp window): {@link SignatureVerifier#checkShape};</li>
 *   <li>the signer is looked up; an unknown one, or one whose secrets no configured key opens, is
 *   verified against a decoy secret, so it costs the same as a wrong signature and never passes;</li>
 *   <li>the signature is verified and the nonce burnt ({@link SignatureVerifier#verify});</li>
 *   <li>only then is a revoked signer told it is revoked: nobody learns whether an id exists or was
 *   revoked without its secret.</li>
 * </ol>
 */
@ApplicationScoped
public class SignedRequestAuthenticator {
    private final SignatureVerifier verifier;

    public SignedRequestAuthenticator(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    public <T> Uni<T> authenticate(SignedRequest r, Signers<T> signers) {
        try {
            verifier.checkShape(r);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        UUID id = UUID.fromString(r.keyId()); // canonical: checkShape accepted it
        return Panache.withSession(() -> signers.find(id)).chain(signer -> {
            List<String> secrets = signer == null ? List.of() : signers.secrets(signer);
            return verifier.verify(signers.scope(), r, secrets.isEmpty() ? List.of(SecretBox.DECOY) : secrets)
                    .chain(() -> {
                        if (signer == null) {
                            return Uni.createFrom()
                                    .failure(new ProblemException(Problem.of(
                                            401,
                                            "signature-invalid",
                                            "Signature rejected",
                                            "The signature does not match the request")));
                        }
                        if (!signers.active(signer)) {
                            return Uni.createFrom().failure(signers.revoked(signer));
                        }
                        return Uni.createFrom().item(signer);
                    });
        });
    }
}
