package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.secrets.SecretBox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceService {
    /** A device with the secret shown once to its owner. */
    public record Issued(Device device, String secret) {
    }

    private final SecretBox box;
    private final ApprovalConfig config;

    public DeviceService(SecretBox box, ApprovalConfig config) {
        this.box = box;
        this.config = config;
    }

    public Uni<Issued> register(UUID userId, String name, String brokerAccount, String brokerServer) {
        return Panache.withTransaction(() -> Device.count("userId = ?1 and revokedAt is null", userId).chain(n -> {
            if (n >= config.maxDevicesPerUser()) {
                return Uni.createFrom().failure(ProblemException.unprocessable("device-limit",
                        "At most " + config.maxDevicesPerUser() + " active devices; revoke one first"));
            }
            return Device.count("brokerServer = ?1 and brokerAccount = ?2 and revokedAt is null", brokerServer, brokerAccount)
                    .chain(dup -> {
                        if (dup > 0) {
                            return Uni.createFrom().failure(ProblemException.conflict("device-exists",
                                    "An active device is already registered for this broker account"));
                        }
                        String secret = SecretBox.newSecret();
                        Device d = new Device();
                        d.id = UUID.randomUUID();
                        d.userId = userId;
                        d.name = name;
                        d.brokerAccount = brokerAccount;
                        d.brokerServer = brokerServer;
                        d.secretSealed = box.seal(secret);
                        d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        return d.persist().replaceWith(new Issued(d, secret));
                    });
        }));
    }

    public Uni<List<Device>> list(UUID userId) {
        return Panache.withSession(() -> Device.<Device>find("userId = ?1 order by createdAt", userId).list());
    }

    /** New secret; the old one keeps working for the grace period. */
    public Uni<Issued> rotate(UUID userId, UUID deviceId) {
        return Panache.withTransaction(() -> owned(userId, deviceId).chain(d -> {
            if (!d.active()) {
                return Uni.createFrom().failure(ProblemException.conflict("device-revoked", "The device is revoked"));
            }
            String secret = SecretBox.newSecret();
            d.previousSecretSealed = d.secretSealed;
            d.previousValidUntil = Instant.now().plus(config.deviceSecretGrace());
            d.secretSealed = box.seal(secret);
            return Uni.createFrom().item(new Issued(d, secret));
        }));
    }

    public Uni<Void> revoke(UUID userId, UUID deviceId) {
        return Panache.withTransaction(() -> owned(userId, deviceId).invoke(d -> {
            if (d.revokedAt == null) {
                d.revokedAt = Instant.now();
            }
        })).replaceWithVoid();
    }

    /** Another user's device is reported as not found. */
    public Uni<Device> owned(UUID userId, UUID deviceId) {
        return Device.<Device>findById(deviceId).map(d -> {
            if (d == null || !d.userId.equals(userId)) {
                throw ProblemException.notFound("device " + deviceId);
            }
            return d;
        });
    }

    /** Secrets a signature may be made with now: the current one, and the previous one during its grace. */
    public List<String> validSecrets(Device d) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(box.open(d.secretSealed));
        if (d.previousSecretSealed != null && d.previousValidUntil != null && d.previousValidUntil.isAfter(Instant.now())) {
            secrets.add(box.open(d.previousSecretSealed));
        }
        return secrets;
    }
}
