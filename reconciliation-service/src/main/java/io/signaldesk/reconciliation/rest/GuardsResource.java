package io.signaldesk.reconciliation.rest;

import io.quarkus.security.Authenticated;
import io.signaldesk.platform.events.TradeEvents.GuardKind;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;
import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.platform.security.CurrentUser;
import io.signaldesk.platform.security.PathIds;
import io.signaldesk.reconciliation.GuardConfig;
import io.signaldesk.reconciliation.service.GuardSettings;
import io.signaldesk.reconciliation.service.StatusCache;
import io.signaldesk.reconciliation.service.StatusReads;
import io.signaldesk.reconciliation.service.StatusReads.AccountGuards;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/guards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class GuardsResource {
    /** Percent of the equity peak; each stage optional, in increasing order. */
    public record DrawdownThresholds(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal warn,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal block,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal close) {}

    /** In the account's currency; each stage optional, in increasing order. */
    public record DailyLossThresholds(
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            BigDecimal warn,

            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            BigDecimal block,

            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            BigDecimal close) {}

    public record GuardConfigRequest(
            @NotNull UUID deviceId,
            @NotBlank @Size(max = 64) String timeZone,
            @Valid DrawdownThresholds drawdownPercent,
            @Valid DailyLossThresholds dailyLoss,
            @Valid StaleTerminalThresholds staleTerminal) {}

    /** Seconds without a snapshot from the terminal: WARN, then BLOCK (each optional; no CLOSE_ALL: the terminal is away). */
    public record StaleTerminalThresholds(
            @Min(1) @Max(86400) Integer warnSeconds,
            @Min(1) @Max(86400) Integer blockSeconds) {}

    public record ClearRequest(
            @NotNull UUID deviceId, @NotNull GuardKind kind) {}

    public record GuardConfigView(
            UUID deviceId,
            String timeZone,
            DrawdownThresholds drawdownPercent,
            DailyLossThresholds dailyLoss,
            StaleTerminalThresholds staleTerminal) {
        static GuardConfigView of(GuardConfig c) {
            return new GuardConfigView(
                    c.deviceId,
                    c.timeZone,
                    new DrawdownThresholds(c.drawdownWarn, c.drawdownBlock, c.drawdownClose),
                    new DailyLossThresholds(c.dailyLossWarn, c.dailyLossBlock, c.dailyLossClose),
                    new StaleTerminalThresholds(c.staleWarnSeconds, c.staleBlockSeconds));
        }
    }

    private final GuardSettings settings;
    private final StatusReads reads;
    private final StatusCache cache;
    private final RequestValidator validator;
    private final CurrentUser currentUser;

    public GuardsResource(
            GuardSettings settings,
            StatusReads reads,
            StatusCache cache,
            RequestValidator validator,
            CurrentUser currentUser) {
        this.settings = settings;
        this.reads = reads;
        this.cache = cache;
        this.validator = validator;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/status")
    @Operation(
            summary =
                    "Per account: thresholds, drawdown and daily loss now, the stage each guard reached, blocked or not")
    public Uni<List<AccountGuards>> status() {
        return reads.guards(currentUser.id());
    }

    @GET
    @Path("/config")
    @Operation(summary = "An account's guard thresholds (404 until configured)")
    public Uni<GuardConfigView> config(@QueryParam("deviceId") String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw ProblemException.badRequest("bad-request", "deviceId is required: the account's device id");
        }
        return settings.config(currentUser.id(), PathIds.uuid(deviceId, "account"))
                .map(c -> {
                    if (c == null) {
                        throw ProblemException.notFound("guard config of account " + deviceId);
                    }
                    return GuardConfigView.of(c);
                });
    }

    @PUT
    @Path("/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Set an account's guard thresholds: WARN < BLOCK < CLOSE_ALL, each optional; applies from the next snapshot")
    public Uni<GuardConfigView> configure(byte[] body) {
        GuardConfigRequest req = validator.parse(body, GuardConfigRequest.class);
        validator.validate(req, orderProblems(req));
        DrawdownThresholds dd =
                req.drawdownPercent() == null ? new DrawdownThresholds(null, null, null) : req.drawdownPercent();
        DailyLossThresholds dl = req.dailyLoss() == null ? new DailyLossThresholds(null, null, null) : req.dailyLoss();
        StaleTerminalThresholds st =
                req.staleTerminal() == null ? new StaleTerminalThresholds(null, null) : req.staleTerminal();
        return settings.configure(
                        currentUser.id(),
                        new GuardSettings.Settings(
                                req.deviceId(),
                                req.timeZone(),
                                dd.warn(),
                                dd.block(),
                                dd.close(),
                                dl.warn(),
                                dl.block(),
                                dl.close(),
                                st.warnSeconds(),
                                st.blockSeconds()))
                .call(c -> cache.invalidate(c.userId(), c.version()))
                .map(c -> new GuardConfigView(req.deviceId(), req.timeZone(), dd, dl, st));
    }

    @POST
    @Path("/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Clear a triggered DRAWDOWN guard (audited): its block lifts and the equity peak restarts from now")
    public Uni<AccountGuards> clear(byte[] body) {
        ClearRequest req = validator.parse(body, ClearRequest.class);
        validator.validate(req);
        return settings.clear(currentUser.id(), req.deviceId(), req.kind())
                .call(c -> cache.invalidate(c.userId(), c.version()))
                .chain(c -> reads.guards(currentUser.id()))
                .map(l -> l.stream()
                        .filter(g -> g.deviceId().equals(req.deviceId()))
                        .findFirst()
                        .orElseThrow());
    }

    /** What the annotations cannot say: a known time zone, stages in increasing order. */
    static List<Problem.Violation> orderProblems(GuardConfigRequest r) {
        List<Problem.Violation> v = new ArrayList<>();
        if (r.timeZone() != null && !r.timeZone().isBlank()) {
            try {
                ZoneId.of(r.timeZone());
            } catch (DateTimeException e) {
                v.add(new Problem.Violation("timeZone", "must be a time zone such as Europe/London or UTC"));
            }
        }
        if (r.drawdownPercent() != null) {
            ascending(
                    v,
                    "drawdownPercent",
                    r.drawdownPercent().warn(),
                    r.drawdownPercent().block(),
                    r.drawdownPercent().close());
        }
        if (r.dailyLoss() != null) {
            ascending(
                    v,
                    "dailyLoss",
                    r.dailyLoss().warn(),
                    r.dailyLoss().block(),
                    r.dailyLoss().close());
        }
        if (r.staleTerminal() != null
                && r.staleTerminal().warnSeconds() != null
                && r.staleTerminal().blockSeconds() != null
                && r.staleTerminal().blockSeconds() <= r.staleTerminal().warnSeconds()) {
            v.add(new Problem.Violation(
                    "staleTerminal.blockSeconds",
                    "must be above warnSeconds (" + r.staleTerminal().warnSeconds() + ")"));
        }
        return v;
    }

    private static void ascending(
            List<Problem.Violation> v, String field, BigDecimal warn, BigDecimal block, BigDecimal close) {
        BigDecimal last = null;
        String lastName = null;
        String[] names = {"warn", "block", "close"};
        BigDecimal[] values = {warn, block, close};
        for (int i = 0; i < 3; i++) {
            if (values[i] == null) {
                continue;
            }
            if (last != null && values[i].compareTo(last) <= 0) {
                v.add(new Problem.Violation(
                        field + "." + names[i], "must be above " + lastName + " (" + last.toPlainString() + ")"));
            }
            last = values[i];
            lastName = names[i];
        }
    }
}
