package io.signaldesk.approval.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.signaldesk.approval.AccountGuard;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.Device;
import io.signaldesk.approval.SignalRecord;
import io.signaldesk.approval.Subscription;
import io.signaldesk.approval.service.ApprovalReads;
import io.signaldesk.approval.service.DeviceService;
import io.signaldesk.approval.service.EaService;
import io.signaldesk.approval.service.SubscriptionService;
import io.signaldesk.platform.events.Side;
import io.signaldesk.platform.events.TradeEvents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of approval-service (separate from the entities). */
public final class ApiModels {
    private ApiModels() {}

    // --- subscriptions ---
    public record SubscriptionRequest(
            @NotNull UUID strategyId,
            UUID deviceId,
            @NotNull Subscription.Sizing sizing,

            @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal fixedVolume,

            @DecimalMin("0.01") @DecimalMax("10") @Digits(integer = 2, fraction = 2)
            BigDecimal riskPercent,

            @NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal maxVolume,

            boolean autoApprove,

            @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal autoApproveMaxVolume) {
        SubscriptionService.Follow toFollow() {
            return new SubscriptionService.Follow(
                    strategyId,
                    deviceId,
                    sizing,
                    fixedVolume,
                    riskPercent,
                    maxVolume,
                    autoApprove,
                    autoApproveMaxVolume);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            UUID id,
            String strategyId,
            UUID deviceId,
            Subscription.Sizing sizing,
            BigDecimal fixedVolume,
            BigDecimal riskPercent,
            BigDecimal maxVolume,
            boolean autoApprove,
            BigDecimal autoApproveMaxVolume,
            Instant createdAt) {
        public static SubscriptionView of(Subscription s) {
            return new SubscriptionView(
                    s.id,
                    s.strategyId,
                    s.deviceId,
                    s.sizingMode,
                    s.fixedVolume,
                    s.riskPercent,
                    s.maxVolume,
                    s.autoApprove,
                    s.autoApproveMaxVolume,
                    s.createdAt);
        }
    }

    // --- approvals ---
    public record ApproveRequest(
            @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal volume) {}

    public record RejectRequest(@Size(max = 500) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignalView(
            UUID signalId,
            String strategyId,
            String instrument,
            Side side,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Instant expiresAt,
            String rationale) {
        public static SignalView of(SignalRecord s) {
            return s == null
                    ? null
                    : new SignalView(
                            s.signalId,
                            s.strategyId,
                            s.instrument,
                            s.side,
                            s.entry,
                            s.stopLoss,
                            s.takeProfit,
                            s.expiresAt,
                            s.rationale);
        }
    }

    /** What happened to the trade on the broker: the command and, once acknowledged, the fill. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExecutionView(
            UUID commandId,
            Command.Status status,
            int deliveries,
            Long ticket,
            BigDecimal price,
            BigDecimal volume,
            Instant executedAt,
            String error) {
        public static ExecutionView of(Command c) {
            return c == null
                    ? null
                    : new ExecutionView(
                            c.id,
                            c.status,
                            c.deliveryCount,
                            c.ackTicket,
                            c.ackPrice,
                            c.ackVolume,
                            c.ackExecutedAt,
                            c.ackError);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalView(
            UUID id,
            UUID signalId,
            UUID subscriptionId,
            Approval.Status status,
            BigDecimal volume,
            Instant expiresAt,
            Instant decidedAt,
            Instant createdAt,
            SignalView signal,
            ExecutionView execution) {
        public static ApprovalView of(Approval a, SignalRecord s) {
            return of(a, s, null);
        }

        public static ApprovalView of(ApprovalReads.ApprovalDetails d) {
            return of(d.approval(), d.signal(), d.command());
        }

        public static ApprovalView of(Approval a, SignalRecord s, Command c) {
            return new ApprovalView(
                    a.id,
                    a.signalId,
                    a.subscriptionId,
                    a.status,
                    a.volume,
                    a.expiresAt,
                    a.decidedAt,
                    a.createdAt,
                    SignalView.of(s),
                    ExecutionView.of(c));
        }
    }

    public record HistoryView(
            Approval.Status fromStatus,
            Approval.Status toStatus,
            String actor,
            String reason,
            BigDecimal volume,
            Instant at) {
        public static HistoryView of(ApprovalHistory h) {
            return new HistoryView(h.fromStatus, h.toStatus, h.actor, h.reason, h.volume, h.at);
        }
    }

    // --- devices ---
    public record DeviceRequest(
            @NotBlank @Size(max = 80) String name,

            @NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{1,32}", message = "must be 1-32 letters, digits, _ or -")
            String brokerAccount,

            @NotBlank @Size(max = 80) @Pattern(regexp = "[\\p{Alnum} ._-]+", message = "must be a broker server name")
            String brokerServer) {}

    /**
     * {@code lastSeenAt}: the terminal's last signed request (poll, ack, snapshot), to within 10 s.
     * {@code guards} (in the list only): the account's tripped guards; any at BLOCK or CLOSE_ALL
     * refuses approvals on the device until it is cleared.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceView(
            UUID id,
            String name,
            String brokerAccount,
            String brokerServer,
            boolean active,
            Instant createdAt,
            Instant revokedAt,
            String secret,
            Instant previousSecretValidUntil,
            Instant lastSeenAt,
            List<GuardView> guards) {
        public static DeviceView of(Device d, String secretShownOnce) {
            return of(d, secretShownOnce, null);
        }

        public static DeviceView of(DeviceService.Listed l) {
            return of(l.device(), null, l.guards().stream().map(GuardView::of).toList());
        }

        private static DeviceView of(Device d, String secretShownOnce, List<GuardView> guards) {
            return new DeviceView(
                    d.id,
                    d.name,
                    d.brokerAccount,
                    d.brokerServer,
                    d.active(),
                    d.createdAt,
                    d.revokedAt,
                    secretShownOnce,
                    d.previousValidUntil,
                    d.lastSeenAt,
                    guards);
        }
    }

    /** A tripped guard of a device's account: the strongest stage it reached, since when, and why. */
    public record GuardView(
            TradeEvents.GuardKind kind,
            TradeEvents.GuardStage stage,
            boolean blocking,
            Instant since,
            BigDecimal limit,
            BigDecimal observed) {
        public static GuardView of(AccountGuard g) {
            return new GuardView(g.guardKind, g.stage, g.blocks(), g.since, g.limit, g.observed);
        }
    }

    // --- EA ---
    /** {@code expiresAt}: OPEN only, do not execute after it (the signal has expired); null for CLOSE and CLOSE_ALL. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandView(
            UUID commandId,
            Command.Type type,
            String instrument,
            Side side,
            BigDecimal volume,
            BigDecimal entry,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            Long ticket,
            String clientOrderId,
            Instant leaseUntil,
            int deliveryCount,
            Instant expiresAt) {
        public static CommandView of(Command c) {
            return new CommandView(
                    c.id,
                    c.type,
                    c.instrument,
                    c.side,
                    c.volume,
                    c.entry,
                    c.stopLoss,
                    c.takeProfit,
                    c.ticket,
                    c.id.toString(),
                    c.leaseUntil,
                    c.deliveryCount,
                    c.expiresAt);
        }
    }

    public record PollResponse(List<CommandView> commands, Instant serverTime) {}

    public record AckRequest(
            @NotNull UUID commandId,
            @NotNull Command.Status status,
            @Positive Long ticket,
            @Positive @Digits(integer = 9, fraction = 10) BigDecimal price,

            @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal volume,

            Instant executedAt,
            @Size(max = 500) String error) {
        EaService.Report toReport() {
            return new EaService.Report(commandId, status, ticket, price, volume, executedAt, error);
        }
    }

    public record AckResponse(UUID commandId, Command.Status status, Instant acknowledgedAt, boolean repeated) {
        public static AckResponse of(Command c, boolean repeated) {
            return new AckResponse(c.id, c.status, c.ackedAt, repeated);
        }
    }

    public record PositionReport(
            @Positive long ticket,
            @NotBlank @Pattern(regexp = "[A-Z0-9.]{3,16}") String instrument,
            @NotNull Side side,

            @NotNull @DecimalMin("0.01") @Digits(integer = 3, fraction = 2)
            BigDecimal volume,

            @NotNull @Positive @Digits(integer = 9, fraction = 10)
            BigDecimal openPrice,

            @Digits(integer = 15, fraction = 4) BigDecimal profit) {
        TradeEvents.ReportedPosition toEvent() {
            return new TradeEvents.ReportedPosition(ticket, instrument, side, volume, openPrice, profit);
        }
    }

    public record SnapshotRequest(
            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal balance,
            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal equity,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            Instant takenAt,
            @Size(max = 500) List<@Valid PositionReport> positions) {
        EaService.Snapshot toSnapshot() {
            return new EaService.Snapshot(
                    balance,
                    equity,
                    currency,
                    takenAt,
                    positions == null
                            ? List.of()
                            : positions.stream().map(PositionReport::toEvent).toList());
        }
    }
}
