package io.signaldesk.signal.rest;

import io.signaldesk.platform.problem.RequestValidator;
import io.signaldesk.signal.rest.SignalModels.SignalView;
import io.signaldesk.signal.rest.SignalModels.TradingViewAlert;
import io.signaldesk.signal.service.ProducerService;
import io.signaldesk.signal.service.SignalService;
import io.signaldesk.signal.service.SignalService.SourceKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TradingView alerts cannot sign requests: the producer is named by the secret token in the URL
 * (compared by its SHA-256). TradingView sends JSON alert messages as application/json and any other
 * message as text/plain, so both are read, as JSON. Refusals in order: the token (404), the body's
 * shape (400), its meaning (422), all counted by {@link SignalService#countRefusals}.
 */
@Path("/api/v1/hooks/tradingview")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "signals")
public class TradingViewHookResource {
    private final SignalService signals;
    private final ProducerService producers;
    private final RequestValidator validator;

    public TradingViewHookResource(SignalService signals, ProducerService producers, RequestValidator validator) {
        this.signals = signals;
        this.producers = producers;
        this.validator = validator;
    }

    @POST
    @Path("/{token}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Publish a signal from a TradingView alert; 404 for an unknown or revoked token")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TradingViewAlert.class)))
    public Uni<Response> alert(@PathParam("token") String token, byte[] body) {
        return signals.countRefusals(
                        SourceKind.TRADINGVIEW,
                        producers.byTradingViewToken(token).chain(p -> {
                            TradingViewAlert alert = validator.parse(body, TradingViewAlert.class);
                            validator.validate(alert);
                            return signals.publishAlert(p, alert.toAlert());
                        }))
                .map(r -> {
                    SignalView s = SignalView.of(r.signal());
                    return Response.created(URI.create("/api/v1/signals/" + s.id()))
                            .entity(s)
                            .build();
                });
    }
}
