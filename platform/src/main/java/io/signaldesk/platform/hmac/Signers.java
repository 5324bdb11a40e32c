package io.signaldesk.platform.hmac;

import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Who signs one kind of request (devices, producers): how to find a signer by its id, which secrets
 * it may sign with now, and whether it is still allowed to. {@link SignedRequestAuthenticator} does
 * the rest, the same way for every kind.
 */
public interface Signers<T> {
    /** The kind of signer, e.g. {@code device}: nonces are remembered per kind and id. */
    String scope();

    /** The signer with this id, or null; runs inside a Panache session. */
    Uni<T> find(UUID id);

    /** The secrets a signature may be made with now (current, and previous during its grace); may be empty. */
    List<String> secrets(T signer);

    /** False once the signer is revoked. */
    boolean active(T signer);

    /** The 401 a revoked signer gets ({@code <scope>-revoked}), told only after its signature verified. */
    default ProblemException revoked(T signer) {
        return new ProblemException(
                Problem.of(401, scope() + "-revoked", "Signature rejected", "This " + scope() + " has been revoked"));
    }
}
