package io.signaldesk.approval.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.AccountState;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.config.ApprovalConfig;
import io.signaldesk.approval.repository.AccountStateRepository;
import io.signaldesk.approval.repository.ApprovalHistoryRepository;
import io.signaldesk.approval.repository.CommandLeases;
import io.signaldesk.approval.repository.CommandRepository;
import io.signaldesk.approval.repository.DeviceRepository;
import io.signaldesk.platform.events.TradeEvents;
import io.signaldesk.platform.events.TradeEvents.AccountSnapshot;
import io.signaldesk.platform.events.TradeEvents.FillReported;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.hmac.SignedRequest;
import io.signaldesk.platform.hmac.SignedRequestAuthenticator;
import io.signaldesk.platform.hmac.Signers;
import io.signaldesk.platform.outbox.Outbox;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The EA side: signed device requests, leased command delivery with long-poll, acks, snapshots. */
@ApplicationScoped
public class EaService {
    private static final Logger LOG = Logger.getLogger(EaService.class);
    private static final int MAX_COMMANDS = 20;
    /** How far ahead of server time a terminal's takenAt or executedAt may be (clocks drift; broker time is not UTC). */
    static final Duration CLOCK_AHEAD = Duration.ofSeconds(60);

    /** What the terminal reports for a command (docs/ea-protocol.md); {@code status} is one an EA may report. */
    public record Report(
            UUID commandId,
            Command.Status status,
            Long ticket,
            BigDecimal price,
            BigDecimal volume,
            Instant executedAt,
            String error) {}

    /** The command as acknowledged; {@code repeated}: this exact report had been recorded before. */
    public record Acknowledged(Command command, boolean repeated) {}

    /** Balance, equity and open positions as the broker reports them; {@code takenAt} null means now. */
    public record Snapshot(
            BigDecimal balance,
            BigDecimal equity,
            String currency,
            Instant takenAt,
            List<TradeEvents.ReportedPosition> positions) {}

    private final SignedRequestAuthenticator authenticator;
    private final DeviceService deviceSecrets;
    private final DeviceRepository devices;
    private final CommandRepository commands;
    private final CommandLeases leases;
    private final ApprovalHistoryRepository histories;
    private final AccountStateRepository accounts;
    private final CommandWakeup wakeup;
    private final ApprovalStreams streams;
    private final Outbox outbox;
    private final TelegramAlerts alerts;
    private final ApprovalConfig config;
    private final MeterRegistry metrics;
    private final SignalHops hops;
    /** Signal published -> its auto-approved command first handed to the terminal: the signal -> EA SLO. */
    private final Timer signalToEa;

    public EaService(
            SignedRequestAuthenticator authenticator,
            DeviceService deviceSecrets,
            DeviceRepository devices,
            CommandRepository commands,
            CommandLeases leases,
            ApprovalHistoryRepository history,
            AccountStateRepository accounts,
            CommandWakeup wakeup,
            ApprovalStreams streams,
            Outbox outbox,
            TelegramAlerts alerts,
            ApprovalConfig config,
            SignalHops hops,
            MeterRegistry metrics) {
        this.hops = hops;
        this.streams = streams;
        this.authenticator = authenticator;
        this.deviceSecrets = deviceSecrets;
        this.devices = devices;
        this.commands = commands;
        this.leases = leases;
        this.histories = history;
        this.accounts = accounts;
        this.wakeup = wakeup;
        this.outbox = outbox;
        this.alerts = alerts;
        this.config = config;
        this.metrics = metrics;
        // Fixed buckets at the SLO's thresholds (docs/runbook.md, SignalToEaLatency alerts): exact
        // good/total counts for the burn-rate rules, a few series instead of a percentile histogram's 70.
        this.signalToEa = Timer.builder("signaldesk.signal.to.ea")
                .description("signal published in signal-service -> its auto-approved command handed to the EA")
                .serviceLevelObjectives(
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(2500),
                        Duration.ofSeconds(5))
                .register(metrics);
    }

    /**
     * Verifies a device's signed request with the platform's one authenticator (canonical device ids,
     * one nonce space per device; unknown devices refused like a bad signature; "revoked" told only
     * after the signature verifies).
     */
    public Uni<Device> authenticate(SignedRequest r) {
        return authenticator.authenticate(r, signers).call(this::seen);
    }

    /** Records when the terminal was last heard from (at most one write per device every 10 s). */
    private Uni<Void> seen(Device d) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (d.lastSeenAt != null && d.lastSeenAt.isAfter(now.minusSeconds(10))) {
            return Uni.createFrom().voidItem();
        }
        d.lastSeenAt = now;
        return Panache.withTransaction(() -> devices.markSeen(d.id, now)).replaceWithVoid();
    }

    /** Devices as signers of the EA API. */
    private final Signers<Device> signers = new Signers<>() {
        @Override
        public String scope() {
            return "device";
        }

        @Override
        public Uni<Device> find(UUID id) {
            return devices.findById(id);
        }

        @Override
        public List<String> secrets(Device d) {
            return deviceSecrets.validSecrets(d);
        }

        @Override
        public boolean active(Device d) {
            return d.active();
        }
    };

    /** Leases due commands; with {@code waitMs > 0} and none due, waits for a wake-up (no polling of the database). */
    public Uni<List<Command>> poll(Device device, long waitMs) {
        long asked = Math.min(Math.max(0, waitMs), config.maxWait().toMillis());
        // Without Redis a commit on another replica cannot wake this poll: look again soon instead.
        long wait = wakeup.crossInstance()
                ? asked
                : Math.min(asked, config.degradedPollWait().toMillis());
        if (wait == 0) {
            return lease(device.id);
        }
        CommandWakeup.Poll poll = wakeup.register(device.id); // ends this device's older poll, if any
        Timer.Sample sample = Timer.start(metrics);
        // The wake-up completes on whatever thread published it (another request, the Redis client) and
        // the timeout on a timer thread: come back to this request's own Vert.x context before touching
        // the database, or the lease would run in (and share the session of) someone else's context.
        Context own = Vertx.currentContext();
        return Uni.createFrom()
                .deferred(() -> superseded(poll) ? Uni.createFrom().item(List.<Command>of()) : lease(device.id))
                .chain(found -> {
                    if (!found.isEmpty() || superseded(poll)) {
                        return Uni.createFrom().item(found);
                    }
                    return Uni.createFrom()
                            .completionStage(poll.woken())
                            .ifNoItem()
                            .after(Duration.ofMillis(wait))
                            .recoverWithItem(CommandWakeup.Wake.COMMAND)
                            .emitOn(task -> own.runOnContext(v -> task.run()))
                            .chain(how -> {
                                if (how == CommandWakeup.Wake.SUPERSEDED) {
                                    metrics.counter("signaldesk.ea.poll.superseded")
                                            .increment();
                                    return Uni.createFrom()
                                            .item(List.<Command>of()); // a newer poll of this device takes over
                                }
                                Instant woken = poll.wokenByFanOutAt();
                                return lease(device.id).invoke(leased -> {
                                    if (woken != null && leased.stream().anyMatch(c -> c.deliveryCount == 1)) {
                                        hops.record(SignalHops.Hop.LEASE, woken, Instant.now());
                                    }
                                });
                            });
                })
                .eventually(() -> {
                    wakeup.unregister(device.id, poll);
                    sample.stop(metrics.timer("signaldesk.ea.poll.wait"));
                });
    }

    /**
     * The poll answer carrying {@code leased} was written to the connection: from here the EA holds these
     * commands, so no other process may take their leases over (they just run out). A failure only means
     * a takeover stays possible, as before the answer left.
     */
    public void written(List<Command> leased) {
        if (leased.isEmpty()) {
            return;
        }
        leases.written(leased)
                .subscribe()
                .with(
                        v -> {},
                        err -> LOG.debugf("could not release the holder of %d written leases: %s", leased.size(), err));
    }

    private static boolean superseded(CommandWakeup.Poll poll) {
        return poll.woken().getNow(null) == CommandWakeup.Wake.SUPERSEDED;
    }

    private Uni<List<Command>> lease(UUID deviceId) {
        return leases.leaseDue(deviceId, config.lease(), MAX_COMMANDS)
                .map(list -> list.stream()
                        .sorted(Comparator.comparing((Command c) -> c.createdAt))
                        .peek(c -> {
                            if (c.deliveryCount > 1) {
                                metrics.counter("signaldesk.ea.commands.redelivered")
                                        .increment();
                            } else if (c.signalPublishedAt != null) {
                                Instant now = Instant.now();
                                signalToEa.record(Duration.between(c.signalPublishedAt, now));
                                hops.record(SignalHops.Hop.HANDOVER, c.createdAt, now);
                            }
                        })
                        .toList());
    }

    /**
     * Records the EA's result. The same ack again gets the same answer; a different one for an acked
     * command is a conflict. FILLED of an OPEN or CLOSE needs ticket, price and volume and publishes
     * FillReported in the same transaction; FILLED of a CLOSE_ALL needs none of them and publishes none.
     */
    public Uni<Acknowledged> ack(Device device, Report req) {
        String fingerprint = Hmac.sha256Hex(req.status() + "|" + req.ticket() + "|" + plain(req.price()) + "|"
                + plain(req.volume()) + "|" + req.error());
        return ackInTransaction(device, req, fingerprint)
                // committed: the trader's consoles see the trade's result (a repeated ack changed nothing)
                .call(a -> a.repeated() || a.command().approvalId == null
                        ? Uni.createFrom().voidItem()
                        : streams.publish(new ApprovalStreams.Change(
                                a.command().userId,
                                a.command().approvalId,
                                Approval.Status.APPROVED,
                                a.command().status)));
    }

    private Uni<Acknowledged> ackInTransaction(Device device, Report req, String fingerprint) {
        return Panache.withTransaction(() -> commands.findForUpdate(req.commandId())
                .chain(c -> {
                    if (c == null || !c.deviceId.equals(device.id)) {
                        return Uni.createFrom()
                                .failure(ProblemException.notFound("command " + req.commandId() + " for this device"));
                    }
                    if (c.ackedAt != null) {
                        if (c.ackFingerprint.equals(fingerprint)) {
                            metrics.counter("signaldesk.ea.acks", "outcome", "repeat")
                                    .increment();
                            return Uni.createFrom().item(new Acknowledged(c, true));
                        }
                        return Uni.createFrom()
                                .failure(ProblemException.conflict(
                                        "ack-conflict",
                                        "Command " + c.id + " was already acknowledged as " + c.status
                                                + " with other values"));
                    }
                    boolean lateAfterExpiry = c.status == Command.Status.EXPIRED;
                    if (lateAfterExpiry && c.deliveryCount == 0) {
                        return Uni.createFrom()
                                .failure(ProblemException.conflict(
                                        "command-expired",
                                        "Command " + c.id
                                                + " expired before any terminal collected it; do not execute it"));
                    }
                    if (!req.status().reportable()) {
                        return Uni.createFrom()
                                .failure(ProblemException.unprocessable(
                                        "ack-status", "An EA reports FILLED, REJECTED or FAILED, not " + req.status()));
                    }
                    // a CLOSE_ALL closed every position: no one ticket, price or volume to report
                    boolean closeAll = c.type == Command.Type.CLOSE_ALL;
                    if (req.status() == Command.Status.FILLED
                            && !closeAll
                            && (req.ticket() == null || req.price() == null || req.volume() == null)) {
                        return Uni.createFrom()
                                .failure(ProblemException.unprocessable(
                                        "fill-incomplete",
                                        "A FILLED ack of " + (c.type == Command.Type.OPEN ? "an OPEN" : "a CLOSE")
                                                + " command needs ticket, price and volume"));
                    }
                    if (req.status() == Command.Status.FILLED
                            && c.type == Command.Type.CLOSE
                            && !req.ticket().equals(c.ticket)) {
                        return Uni.createFrom()
                                .failure(ProblemException.unprocessable(
                                        "ack-ticket-mismatch",
                                        "Command " + c.id + " closes ticket " + c.ticket + ", not " + req.ticket()));
                    }
                    if (req.executedAt() != null
                            && req.executedAt().isAfter(Instant.now().plus(CLOCK_AHEAD))) {
                        return Uni.createFrom()
                                .failure(ProblemException.unprocessable(
                                        "time-in-future",
                                        "executedAt " + req.executedAt() + " is more than " + CLOCK_AHEAD.toSeconds()
                                                + " s ahead of server time; send UTC"));
                    }
                    c.status = req.status();
                    c.ackedAt = Instant.now();
                    c.ackTicket = req.ticket();
                    c.ackPrice = req.price();
                    c.ackVolume = req.volume();
                    c.ackExecutedAt = req.executedAt() == null ? c.ackedAt : req.executedAt();
                    c.ackError = req.error();
                    c.ackFingerprint = fingerprint;
                    c.leaseUntil = null;
                    metrics.counter(
                                    "signaldesk.ea.acks",
                                    "outcome",
                                    req.status().name())
                            .increment();
                    // a delivered command the sweep marked unconfirmed: the terminal's word is what happened
                    Uni<?> history = lateAfterExpiry && c.approvalId != null
                            ? histories.persist(ApprovalHistory.of(
                                    c.approvalId,
                                    Approval.Status.APPROVED,
                                    Approval.Status.APPROVED,
                                    "device:" + device.id,
                                    "confirmed after the signal expired: " + req.status(),
                                    req.volume() == null ? c.volume : req.volume()))
                            : Uni.createFrom().voidItem();
                    if (req.status() == Command.Status.FILLED) {
                        // the fill is told to the trader's linked chat, written in this transaction; the
                        // terminal's snapshots are published even if they look the same as before until one
                        // taken after the fill is (a fill the broker does not show is a divergence)
                        history = history.chain(() -> alerts.filled(c, device))
                                .chain(() -> accounts.filledAt(device.id, c.ackExecutedAt));
                    }
                    if (req.status() != Command.Status.FILLED || closeAll) {
                        // a filled CLOSE_ALL publishes no FillReported: the next snapshot shows the positions gone
                        return history.replaceWith(new Acknowledged(c, false));
                    }
                    FillReported fill = new FillReported(
                            UUID.randomUUID(),
                            c.id,
                            c.userId,
                            device.id,
                            device.brokerAccount,
                            c.type == Command.Type.OPEN ? TradeEvents.FillAction.OPEN : TradeEvents.FillAction.CLOSE,
                            c.instrument,
                            c.side,
                            req.ticket(),
                            req.volume(),
                            req.price(),
                            c.ackExecutedAt);
                    return history.chain(() -> outbox.enqueue(fill)).replaceWith(new Acknowledged(c, false));
                }));
    }

    /**
     * SHA-256 of what a snapshot says, whatever its time, spelling of numbers or order of positions:
     * two snapshots with one digest tell reconciliation the same.
     */
    static String contentDigest(
            String currency, BigDecimal balance, BigDecimal equity, List<TradeEvents.ReportedPosition> positions) {
        StringBuilder b = new StringBuilder(64 + 64 * positions.size())
                .append(currency)
                .append('|')
                .append(plain(balance))
                .append('|')
                .append(plain(equity));
        positions.stream()
                .sorted(java.util.Comparator.comparingLong(TradeEvents.ReportedPosition::ticket))
                .forEach(p -> b.append('\n')
                        .append(p.ticket())
                        .append('|')
                        .append(p.instrument())
                        .append('|')
                        .append(p.side())
                        .append('|')
                        .append(plain(p.volume()))
                        .append('|')
                        .append(plain(p.openPrice()))
                        .append('|')
                        .append(plain(p.profit())));
        return Hmac.sha256Hex(b.toString());
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    /** Stores the latest account state and publishes AccountSnapshot. */
    public Uni<Void> snapshot(Device device, Snapshot req) {
        Instant taken = req.takenAt() == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : req.takenAt();
        if (taken.isAfter(Instant.now().plus(CLOCK_AHEAD))) {
            // a snapshot from the future would make every real one after it look older, and be ignored
            return Uni.createFrom()
                    .failure(ProblemException.unprocessable(
                            "time-in-future",
                            "takenAt " + taken + " is more than " + CLOCK_AHEAD.toSeconds()
                                    + " s ahead of server time; send UTC"));
        }
        AccountState st = new AccountState();
        st.deviceId = device.id;
        st.currency = req.currency();
        st.balance = req.balance();
        st.equity = req.equity();
        st.takenAt = taken;
        List<TradeEvents.ReportedPosition> positions = req.positions() == null ? List.of() : req.positions();
        String digest = contentDigest(req.currency(), req.balance(), req.equity(), positions);
        return Panache.withTransaction(() -> accounts.upsertNewest(
                                st, digest, config.snapshots().refresh())
                        .chain(publish -> {
                            metrics.counter("signaldesk.ea.snapshots", "published", publish.toString())
                                    .increment();
                            if (!publish) { // it repeats the last published one (or is older than the state kept)
                                return Uni.createFrom().voidItem();
                            }
                            return outbox.enqueue(new AccountSnapshot(
                                            UUID.randomUUID(),
                                            device.userId,
                                            device.id,
                                            device.brokerAccount,
                                            req.currency(),
                                            req.balance(),
                                            req.equity(),
                                            positions,
                                            taken))
                                    .replaceWithVoid();
                        }))
                .replaceWithVoid();
    }
}
