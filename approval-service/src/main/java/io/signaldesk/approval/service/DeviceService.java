package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.AccountGuardRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.platform.problem.DatabaseFailures;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.secrets.SecretBox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeviceService {
    /** A device with the secret shown once to its owner. */
    public record Issued(Device device, String secret) {}

    private final DeviceRepository devices;
    private final AccountGuardRepository guards;
    private final SecretBox box;
    private final ApprovalConfig config;
    private final Entitlements entitlements;

    public DeviceService(
            DeviceRepository devices,
            AccountGuardRepository guards,
            SecretBox box,
            ApprovalConfig config,
            Entitlements entitlements) {
        this.devices = devices;
        this.guards = guards;
        this.box = box;
        this.config = config;
        this.entitlements = entitlements;
    }

    /**
     * Registers a device. The trader's registrations are serialised (a transaction-scoped advisory
     * lock per trader), so concurrent requests cannot pass the device limit of their tier together
     * (403 plan-limit); a broker
     * account is registered once per trader (other traders may have the same number on their
     * server: it is not theirs to claim).
     */
    public Uni<Issued> register(UUID userId, String name, String brokerAccount, String brokerServer) {
        return Panache.withTransaction(() -> devices.lockTrader("devices", userId)
                        .chain(() -> devices.countActive(userId, brokerServer, brokerAccount))
                        .chain(dup -> dup > 0
                                ? Uni.createFrom().failure(deviceExists())
                                : entitlements.requireRoom(
                                        userId, Entitlements.Kind.DEVICES, devices.countActive(userId)))
                        .chain(() -> {
                            String secret = SecretBox.newSecret();
                            Device d = new Device();
                            d.id = UUID.randomUUID();
                            d.userId = userId;
                            d.name = name;
                            d.brokerAccount = brokerAccount;
                            d.brokerServer = brokerServer;
                            d.secretSealed = box.seal(secret);
                            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return devices.persist(d).replaceWith(new Issued(d, secret));
                        }))
                .onFailure(t -> DatabaseFailures.isUniqueViolation(t, "devices_user_broker_account"))
                .transform(t -> deviceExists());
    }

    private static ProblemException deviceExists() {
        return ProblemException.conflict("device-exists", "You already have an active device for this broker account");
    }

    /** A device with the guards of its account that have tripped and not been cleared (WARN included). */
    public record Listed(Device device, List<AccountGuard> guards) {}

    public Uni<List<Listed>> list(UUID userId) {
        return Panache.withSession(() -> devices.allOf(userId)
                .chain(all -> guards.ofDevices(all.stream().map(d -> d.id).toList())
                        .map(tripped -> {
                            Map<UUID, List<AccountGuard>> byDevice =
                                    tripped.stream().collect(Collectors.groupingBy(g -> g.deviceId));
                            return all.stream()
                                    .map(d -> new Listed(d, byDevice.getOrDefault(d.id, List.of())))
                                    .toList();
                        })));
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
                }))
                .replaceWithVoid();
    }

    /** Another user's device is reported as not found. */
    public Uni<Device> owned(UUID userId, UUID deviceId) {
        return devices.findById(deviceId).map(d -> {
            if (d == null || !d.userId.equals(userId)) {
                throw ProblemException.notFound("device " + deviceId);
            }
            return d;
        });
    }

    /** Secrets a signature may be made with now: the current one, and the previous one during its grace. */
    public List<String> validSecrets(Device d) {
        return box.validSecrets(d.secretSealed, d.previousSecretSealed, d.previousValidUntil, Instant.now());
    }
}
