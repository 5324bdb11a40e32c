package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.repository.AccountGuardRepository;
import io.signaldesk.approval.repository.CommandRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.platform.events.TradeEvents.DivergenceDetected;
import io.signaldesk.platform.events.TradeEvents.GuardCleared;
import io.signaldesk.platform.events.TradeEvents.GuardStage;
import io.signaldesk.platform.events.TradeEvents.GuardTriggered;
import io.signaldesk.platform.events.TradeEvents.PositionCloseRequested;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What the account guards (guards.v1, from reconciliation-service) do to a device: a guard at BLOCK
 * or CLOSE_ALL refuses approvals on it until it is cleared (WARN is only recorded, for the trader to
 * see); CLOSE_ALL also queues one CLOSE_ALL command, and a close request one CLOSE of its ticket. Runs
 * in the inbox transaction of the guards.v1 consumer; the device to wake is returned so the consumer
 * wakes it after the commit. Events about a device this service does not know are ignored.
 */
@ApplicationScoped
public class AccountGuards {
    private static final Logger LOG = Logger.getLogger(AccountGuards.class);

    private final DeviceRepository devices;
    private final AccountGuardRepository guards;
    private final CommandRepository commands;
    private final TelegramAlerts alerts;
    private final MeterRegistry metrics;

    public AccountGuards(
            DeviceRepository devices,
            AccountGuardRepository guards,
            CommandRepository commands,
            TelegramAlerts alerts,
            MeterRegistry metrics) {
        this.devices = devices;
        this.guards = guards;
        this.commands = commands;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /**
     * Records the guard at its stage (the strongest one reached stays) and, at CLOSE_ALL, queues a
     * CLOSE_ALL command unless one is outstanding.
     *
     * @return the device to wake after the commit, or null when no command was queued
     */
    public Uni<UUID> triggered(GuardTriggered e) {
        return triggered(e, new java.util.ArrayList<>());
    }

    /** The same, adding each withdrawn approved trade to {@code changes} for its owner's live streams. */
    public Uni<UUID> triggered(GuardTriggered e, java.util.List<ApprovalStreams.Change> changes) {
        return device(e.deviceId(), e.userId(), "GuardTriggered " + e.guardEventId())
                .chain(d -> d == null
                        ? Uni.createFrom().<UUID>nullItem()
                        : guards.raise(
                                        d.id,
                                        e.guardKind(),
                                        e.stage(),
                                        e.guardEventId(),
                                        e.triggeredAt().truncatedTo(ChronoUnit.MICROS),
                                        e.limit(),
                                        e.observed())
                                .invoke(n -> LOG.infof(
                                        "device %s: %s guard at %s%s",
                                        d.id,
                                        e.guardKind(),
                                        e.stage(),
                                        n == 0 ? " (already at that stage or beyond)" : ""))
                                // a stage newly reached is told to the trader's linked chat (same transaction)
                                .call(n -> n == 0
                                        ? Uni.createFrom().voidItem()
                                        : alerts.guardTriggered(d, e.guardKind(), e.stage(), e.limit(), e.observed()))
                                // approved trades not yet executed must not open after the block
                                .chain(() -> e.stage() == GuardStage.WARN
                                        ? Uni.createFrom().voidItem()
                                        : commands.expireOpenOf(
                                                        d.id,
                                                        "not executed: the account was blocked by its " + e.guardKind()
                                                                + " guard (" + e.stage() + ")")
                                                .invoke(withdrawn -> {
                                                    withdrawn.forEach(m -> changes.add(new ApprovalStreams.Change(
                                                            m.userId(),
                                                            m.approvalId(),
                                                            io.signaldesk.approval.Approval.Status.APPROVED,
                                                            Command.Status.EXPIRED)));
                                                    if (!withdrawn.isEmpty()) {
                                                        LOG.infof(
                                                                "device %s: %d approved OPEN commands withdrawn",
                                                                d.id, withdrawn.size());
                                                    }
                                                })
                                                .replaceWithVoid())
                                .chain(() -> e.stage() == GuardStage.CLOSE_ALL
                                        ? queue(d, Command.Type.CLOSE_ALL, null)
                                        : Uni.createFrom().<UUID>nullItem()));
    }

    /** The kind's guard is back to normal; the device takes approvals again unless another kind still blocks it. */
    /** Reconciliation found a new divergence on the account: only an alert (the trader decides in the API). */
    public Uni<Void> divergenceDetected(DivergenceDetected e) {
        return device(e.deviceId(), e.userId(), "DivergenceDetected " + e.divergenceId())
                .chain(d -> d == null ? Uni.createFrom().voidItem() : alerts.divergence(d, e.type(), e.details()));
    }

    public Uni<Void> cleared(GuardCleared e) {
        return device(e.deviceId(), e.userId(), "GuardCleared " + e.guardEventId())
                .chain(d -> d == null
                        ? Uni.createFrom().voidItem()
                        : guards.clear(d.id, e.guardKind())
                                .invoke(n -> LOG.infof(
                                        "device %s: %s guard cleared by %s%s",
                                        d.id, e.guardKind(), e.clearedBy(), n == 0 ? " (it had not tripped)" : ""))
                                .call(n -> n == 0 ? Uni.createFrom().voidItem() : alerts.guardCleared(d, e.guardKind()))
                                .replaceWithVoid());
    }

    /**
     * Queues a CLOSE of the ticket unless one for it is outstanding.
     *
     * @return the device to wake after the commit, or null when no command was queued
     */
    public Uni<UUID> closeRequested(PositionCloseRequested e) {
        return device(e.deviceId(), e.userId(), "PositionCloseRequested " + e.requestId())
                .chain(d -> d == null ? Uni.createFrom().<UUID>nullItem() : queue(d, Command.Type.CLOSE, e.ticket()));
    }

    /**
     * The event's device, locked against concurrent decisions on it; null (ignored) when unknown or
     * when it is another user's device than the event says.
     */
    private Uni<Device> device(UUID deviceId, UUID userId, String event) {
        return devices.findForGuardChange(deviceId).map(d -> {
            if (d == null) {
                LOG.infof("%s is about device %s, which approval-service does not know: ignored", event, deviceId);
                return null;
            }
            if (!d.userId.equals(userId)) {
                LOG.warnf("%s names user %s but device %s is another user's: ignored", event, userId, deviceId);
                return null;
            }
            return d;
        });
    }

    private Uni<UUID> queue(Device d, Command.Type type, Long ticket) {
        if (!d.active()) {
            LOG.infof("device %s is revoked: no %s queued (no terminal can collect it)", d.id, type);
            return Uni.createFrom().<UUID>nullItem();
        }
        return commands.queueUnlessOutstanding(
                        UUID.randomUUID(),
                        d.id,
                        d.userId,
                        type,
                        ticket,
                        Instant.now().truncatedTo(ChronoUnit.MICROS))
                .map(queued -> {
                    metrics.counter("signaldesk.guards.commands", "type", type.name(), "queued", queued.toString())
                            .increment();
                    if (!queued) {
                        LOG.infof(
                                "device %s: a %s%s is outstanding already, none queued",
                                d.id, type, ticket == null ? "" : " of ticket " + ticket);
                        return null;
                    }
                    return d.id;
                });
    }

    /** "its DRAWDOWN guard (BLOCK since ...)", for a problem's detail or an approval's history. */
    static String describe(List<AccountGuard> blocking) {
        return blocking.stream()
                .map(g -> "its " + g.guardKind + " guard (" + g.stage + " since " + g.since + ")")
                .collect(Collectors.joining(" and "));
    }
}
