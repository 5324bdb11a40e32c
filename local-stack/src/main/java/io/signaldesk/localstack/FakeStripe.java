package io.signaldesk.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A local Stripe for tests and the demo stack: a WireMock server on loopback that answers the
 * endpoints SignalDesk calls with Stripe's JSON shapes and error envelope, with the behaviour that
 * matters for money kept in memory: a POST with an {@code Idempotency-Key} already seen answers the
 * first result again (and a different body under the same key is Stripe's 400
 * {@code idempotency_error}); transfers are listed by {@code transfer_group}. Every request stays in
 * WireMock's journal, so a test counts what was really sent.
 *
 * <p>Endpoints: {@code POST /v1/checkout/sessions}, {@code POST|GET /v1/subscriptions/{id}}, {@code
 * POST /v1/accounts}, {@code GET /v1/accounts/{id}}, {@code POST /v1/account_links}, {@code POST
 * /v1/transfers}, {@code GET /v1/transfers} ({@code transfer_group}), {@code GET
 * /v1/transfers/{id}}, {@code GET /v1/invoice_payments} ({@code invoice}), {@code GET
 * /v1/charges/{id}}, {@code GET /v1/payment_intents/{id}}, {@code GET /v1/refunds} ({@code charge} or {@code payment_intent}), {@code GET
 * /v1/checkout/sessions/{id}}, {@code POST /v1/checkout/sessions/{id}/expire}.
 */
public final class FakeStripe implements AutoCloseable {
    /** The API version the events and objects claim (stripe-java 33.3.0's pinned version). */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final String TRANSFORMER = "fake-stripe";

    /** One answered request, replayed for the same idempotency key. */
    private record Answer(String bodyDigest, int status, String json) {}

    private final WireMockServer server;
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> transfers = new ConcurrentHashMap<>(); // id -> json
    private final Map<String, String> transferGroups = new ConcurrentHashMap<>(); // id -> group
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> invoicePayments = new ConcurrentHashMap<>(); // invoice -> json
    private final Map<String, String> charges = new ConcurrentHashMap<>();
    private final Map<String, String> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>(); // id -> json (insertion kept below)
    private final List<String> refundOrder = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> sessionStatus = new ConcurrentHashMap<>(); // checkout session -> status
    private final List<Map<String, String>> checkoutSessions =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicInteger failTransfers = new AtomicInteger();
    private volatile int failStatus = 500;
    private volatile Duration transferDelay = Duration.ZERO;

    private FakeStripe(int port) {
        server = new WireMockServer(options()
                .port(port)
                .bindAddress("127.0.0.1")
                .extensions(new Transformer())
                .enableBrowserProxying(false));
        server.start();
        server.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    /** On a free loopback port. */
    public static FakeStripe start() {
        return new FakeStripe(0);
    }

    /** On the given loopback port (the demo stack). */
    public static FakeStripe start(int port) {
        return new FakeStripe(port);
    }

    public int port() {
        return server.port();
    }

    /** What {@code payout.stripe.api-base} points at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next {@code n} transfer creations fail with {@code status} (Stripe's api_error) before creating anything. */
    public void failNextTransfers(int n, int status) {
        failStatus = status;
        failTransfers.set(n);
    }

    /**
     * Transfers are created at once but answered only after {@code delay}: a client killed meanwhile
     * has sent the money and never learnt it (the crash window a payout must survive).
     */
    public void delayTransferAnswers(Duration delay) {
        transferDelay = Objects.requireNonNull(delay);
    }

    /** Transfers created so far (JSON objects), in no particular order. */
    public List<String> transfers() {
        return List.copyOf(transfers.values());
    }

    /** {@code POST /v1/transfers} requests received carrying this idempotency key. */
    public long transferRequests(String idempotencyKey) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r ->
                        r.getMethod().getName().equals("POST") && r.getUrl().startsWith("/v1/transfers"))
                .filter(r -> idempotencyKey.equals(r.getHeader("Idempotency-Key")))
                .count();
    }

    /** All {@code POST /v1/transfers} requests received, by idempotency key. */
    public Map<String, Long> transferRequestsByKey() {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r ->
                        r.getMethod().getName().equals("POST") && r.getUrl().startsWith("/v1/transfers"))
                .collect(Collectors.groupingBy(
                        r -> String.valueOf(r.getHeader("Idempotency-Key")), TreeMap::new, Collectors.counting()));
    }

    /** The form parameters of every checkout session created, oldest first. */
    public List<Map<String, String>> checkoutSessions() {
        synchronized (checkoutSessions) {
            return List.copyOf(checkoutSessions);
        }
    }

    /** Requests to {@code path} (exact, without query) with {@code method}. */
    public long requests(String method, String path) {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method)
                        && r.getUrl().split("\\?")[0].equals(path))
                .count();
    }

    /** Makes a subscription known, as a checkout completed in Stripe would. */
    public void putSubscription(String id, String customer, String status, long currentPeriodEnd) {
        subscriptions.put(id, subscriptionJson(id, customer, status, false, currentPeriodEnd));
    }

    /** The user finished paying in this checkout session (it can no longer be expired). */
    public void completeCheckoutSession(String sessionId) {
        sessionStatus.put(sessionId, "complete");
    }

    /** The status of a checkout session created here ({@code open}, {@code complete}, {@code expired}); null if unknown. */
    public String checkoutSessionStatus(String sessionId) {
        return sessionStatus.get(sessionId);
    }

    /** Makes a subscription known with its price ({@code items.data[0].price.id}). */
    public void putSubscription(String id, String customer, String status, long currentPeriodEnd, String priceId) {
        subscriptions.put(
                id,
                subscriptionJson(id, customer, status, false, currentPeriodEnd)
                        .replace(
                                "\"current_period_end\":" + currentPeriodEnd + "}",
                                "\"current_period_end\":" + currentPeriodEnd + ",\"price\":{\"id\":" + q(priceId)
                                        + ",\"object\":\"price\"}}"));
    }

    /**
     * Records a paid payment of an invoice, as {@code GET /v1/invoice_payments?invoice=} lists it
     * (basil+: the invoice itself no longer names its charge).
     */
    public void putInvoicePayment(
            String invoiceId, String paymentIntentId, String chargeId, long amountPaid, String currency) {
        String json = "{\"id\":" + q(nextId("inpay_")) + ",\"object\":\"invoice_payment\",\"invoice\":" + q(invoiceId)
                + ",\"status\":\"paid\",\"is_default\":true,\"amount_paid\":" + amountPaid + ",\"amount_requested\":"
                + amountPaid + ",\"currency\":" + q(currency) + ",\"livemode\":false,\"payment\":"
                // as Stripe lists a card payment: the intent only (a charge id comes with type "charge")
                + (paymentIntentId != null
                        ? "{\"type\":\"payment_intent\",\"payment_intent\":" + q(paymentIntentId) + "}"
                        : "{\"type\":\"charge\",\"charge\":" + q(chargeId) + "}")
                + "}";
        invoicePayments
                .computeIfAbsent(invoiceId, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(json);
    }

    /** Makes a charge known ({@code GET /v1/charges/{id}}), paid by a card with this fingerprint. */
    public void putCharge(String chargeId, String paymentIntentId, long amount, String currency, String fingerprint) {
        if (paymentIntentId != null) {
            paymentIntents.put(
                    paymentIntentId,
                    "{\"id\":" + q(paymentIntentId) + ",\"object\":\"payment_intent\",\"amount\":" + amount
                            + ",\"currency\":" + q(currency) + ",\"status\":\"succeeded\",\"latest_charge\":"
                            + q(chargeId) + ",\"livemode\":false}");
        }
        charges.put(
                chargeId,
                "{\"id\":" + q(chargeId) + ",\"object\":\"charge\",\"amount\":" + amount
                        + ",\"amount_refunded\":0,\"currency\":" + q(currency) + ",\"paid\":true,\"status\":"
                        + "\"succeeded\",\"payment_intent\":" + q(paymentIntentId) + ",\"livemode\":false,"
                        + "\"payment_method_details\":{\"type\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":"
                        + "\"4242\",\"fingerprint\":" + q(fingerprint) + "}}}");
    }

    /** Makes a refund known ({@code GET /v1/refunds?charge=}); a later put of the same id replaces it. */
    public void putRefund(
            String refundId, String chargeId, String paymentIntentId, long amount, String currency, String status) {
        if (refunds.put(
                        refundId,
                        "{\"id\":" + q(refundId) + ",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":"
                                + q(currency) + ",\"status\":" + q(status) + ",\"charge\":" + q(chargeId)
                                + ",\"payment_intent\":" + q(paymentIntentId) + ",\"created\":"
                                + System.currentTimeMillis() / 1000 + "}")
                == null) {
            refundOrder.add(refundId);
        }
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private String nextId(String prefix) {
        return prefix + Long.toString(ids.incrementAndGet(), 36) + Long.toString(System.nanoTime() % 100000, 36);
    }

    static Map<String, String> form(Request r) {
        Map<String, String> m = new LinkedHashMap<>();
        String body = r.getBodyAsString();
        String query =
                r.getUrl().contains("?") ? r.getUrl().substring(r.getUrl().indexOf('?') + 1) : "";
        for (String part : (body + "&" + query).split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String metadata(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getKey().startsWith("metadata[") && e.getKey().endsWith("]"))
                .map(e -> q(e.getKey().substring(9, e.getKey().length() - 1)) + ":" + q(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String error(String type, String code, String message, String param) {
        return "{\"error\":{\"type\":" + q(type) + ",\"code\":" + q(code) + ",\"message\":" + q(message) + ",\"param\":"
                + q(param) + "}}";
    }

    private static String subscriptionJson(
            String id, String customer, String status, boolean cancelAtPeriodEnd, long currentPeriodEnd) {
        return "{\"id\":" + q(id) + ",\"object\":\"subscription\",\"customer\":" + q(customer) + ",\"status\":"
                + q(status) + ",\"cancel_at_period_end\":" + cancelAtPeriodEnd + ",\"livemode\":false,"
                + "\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_" + id + "\",\"object\":\"subscription_item\","
                + "\"current_period_end\":" + currentPeriodEnd
                + "}],\"has_more\":false,\"url\":\"/v1/subscription_items\"}}";
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request r = event.getRequest();
            String method = r.getMethod().getName();
            String path = r.getUrl().split("\\?")[0];
            Map<String, String> form = form(r);
            String key = r.getHeader("Idempotency-Key");
            if ("POST".equals(method) && key != null && !key.isEmpty()) {
                String digest = method + " " + path + " " + new TreeMap<>(form);
                Answer seen = byIdempotencyKey.get(key);
                if (seen != null) {
                    if (!seen.bodyDigest().equals(digest)) {
                        return json(
                                400,
                                error(
                                        "idempotency_error",
                                        null,
                                        "Keys for idempotent requests can only be used with the same parameters they"
                                                + " were first used with.",
                                        null),
                                Duration.ZERO);
                    }
                    return json(seen.status(), seen.json(), delayFor(path));
                }
                synchronized (FakeStripe.this) {
                    seen = byIdempotencyKey.get(key);
                    if (seen != null) {
                        return json(seen.status(), seen.json(), delayFor(path));
                    }
                    ResponseDefinition answer = route(method, path, form);
                    if (answer.getStatus() < 500) { // Stripe does not keep the result of a 500
                        byIdempotencyKey.put(key, new Answer(digest, answer.getStatus(), answer.getBody()));
                    }
                    return answer;
                }
            }
            return route(method, path, form);
        }

        private Duration delayFor(String path) {
            return path.equals("/v1/transfers") ? transferDelay : Duration.ZERO;
        }

        private ResponseDefinition route(String method, String path, Map<String, String> form) {
            String[] seg = path.split("/");
            String now = Long.toString(System.currentTimeMillis() / 1000);
            if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
                String id = nextId("cs_test_");
                checkoutSessions.add(Map.copyOf(form));
                sessionStatus.put(id, "open");
                return json(
                        200,
                        "{\"id\":" + q(id) + ",\"object\":\"checkout.session\",\"mode\":" + q(form.get("mode"))
                                + ",\"url\":" + q(baseUrl() + "/checkout/" + id) + ",\"client_reference_id\":"
                                + q(form.get("client_reference_id")) + ",\"customer\":" + q(form.get("customer"))
                                + ",\"status\":\"open\",\"created\":" + now + ",\"metadata\":" + metadata(form)
                                + ",\"livemode\":false}",
                        Duration.ZERO);
            }
            if (method.equals("POST")
                    && seg.length == 6
                    && seg[2].equals("checkout")
                    && seg[3].equals("sessions")
                    && seg[5].equals("expire")) {
                String status = sessionStatus.get(seg[4]);
                if (status == null) {
                    return json(
                            404,
                            error("invalid_request_error", "resource_missing", "No such checkout session", "session"),
                            Duration.ZERO);
                }
                if (!status.equals("open")) {
                    return json(
                            400,
                            error(
                                    "invalid_request_error",
                                    null,
                                    "Only Checkout Sessions with a status of `open` can be expired.",
                                    null),
                            Duration.ZERO);
                }
                sessionStatus.put(seg[4], "expired");
                return json(
                        200,
                        "{\"id\":" + q(seg[4]) + ",\"object\":\"checkout.session\",\"status\":\"expired\","
                                + "\"mode\":\"subscription\",\"livemode\":false}",
                        Duration.ZERO);
            }
            if (method.equals("GET") && seg.length == 5 && seg[2].equals("checkout") && seg[3].equals("sessions")) {
                String status = sessionStatus.get(seg[4]);
                return status == null
                        ? json(
                                404,
                                error(
                                        "invalid_request_error",
                                        "resource_missing",
                                        "No such checkout session",
                                        "session"),
                                Duration.ZERO)
                        : json(
                                200,
                                "{\"id\":" + q(seg[4]) + ",\"object\":\"checkout.session\",\"status\":" + q(status)
                                        + ",\"mode\":\"subscription\",\"livemode\":false}",
                                Duration.ZERO);
            }
            if (method.equals("GET") && path.equals("/v1/invoice_payments")) {
                String data =
                        String.join(",", invoicePayments.getOrDefault(form.getOrDefault("invoice", ""), List.of()));
                return json(
                        200,
                        "{\"object\":\"list\",\"data\":[" + data
                                + "],\"has_more\":false,\"url\":\"/v1/invoice_payments\"}",
                        Duration.ZERO);
            }
            if (method.equals("GET") && seg.length == 4 && seg[2].equals("payment_intents")) {
                String pi = paymentIntents.get(seg[3]);
                return pi == null
                        ? json(
                                404,
                                error(
                                        "invalid_request_error",
                                        "resource_missing",
                                        "No such payment_intent: '" + seg[3] + "'",
                                        "intent"),
                                Duration.ZERO)
                        : json(200, pi, Duration.ZERO);
            }
            if (method.equals("GET") && seg.length == 4 && seg[2].equals("charges")) {
                String ch = charges.get(seg[3]);
                return ch == null
                        ? json(
                                404,
                                error(
                                        "invalid_request_error",
                                        "resource_missing",
                                        "No such charge: '" + seg[3] + "'",
                                        "id"),
                                Duration.ZERO)
                        : json(200, ch, Duration.ZERO);
            }
            if (method.equals("GET") && path.equals("/v1/refunds")) {
                String charge = form.get("charge");
                String intent = form.get("payment_intent");
                List<String> ids;
                synchronized (refundOrder) {
                    ids = List.copyOf(refundOrder);
                }
                String data = ids.stream()
                        .map(refunds::get)
                        .filter(j -> (charge == null || j.contains("\"charge\":" + q(charge)))
                                && (intent == null || j.contains("\"payment_intent\":" + q(intent))))
                        .collect(Collectors.joining(","));
                return json(
                        200,
                        "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false,\"url\":\"/v1/refunds\"}",
                        Duration.ZERO);
            }
            if (seg.length == 4 && seg[2].equals("subscriptions")) {
                String sub = subscriptions.get(seg[3]);
                if (sub == null) {
                    return json(
                            404,
                            error(
                                    "invalid_request_error",
                                    "resource_missing",
                                    "No such subscription: '" + seg[3] + "'",
                                    "id"),
                            Duration.ZERO);
                }
                if (method.equals("POST") && form.containsKey("cancel_at_period_end")) {
                    sub = sub.replaceFirst(
                            "\"cancel_at_period_end\":(true|false)",
                            "\"cancel_at_period_end\":" + Boolean.parseBoolean(form.get("cancel_at_period_end")));
                    subscriptions.put(seg[3], sub);
                }
                return json(200, sub, Duration.ZERO);
            }
            if (method.equals("POST") && path.equals("/v1/accounts")) {
                String id = nextId("acct_");
                String acct = "{\"id\":" + q(id) + ",\"object\":\"account\",\"type\":"
                        + q(form.getOrDefault("type", "express"))
                        + ",\"email\":" + q(form.get("email")) + ",\"charges_enabled\":false,\"payouts_enabled\":true,"
                        + "\"details_submitted\":true,\"created\":" + now + ",\"metadata\":" + metadata(form) + "}";
                accounts.put(id, acct);
                return json(200, acct, Duration.ZERO);
            }
            if (method.equals("GET") && seg.length == 4 && seg[2].equals("accounts")) {
                String acct = accounts.get(seg[3]);
                return acct == null
                        ? json(
                                404,
                                error("invalid_request_error", "resource_missing", "No such account", "account"),
                                Duration.ZERO)
                        : json(200, acct, Duration.ZERO);
            }
            if (method.equals("POST") && path.equals("/v1/account_links")) {
                if (!accounts.containsKey(form.getOrDefault("account", ""))) {
                    return json(
                            400,
                            error("invalid_request_error", "resource_missing", "No such account", "account"),
                            Duration.ZERO);
                }
                return json(
                        200,
                        "{\"object\":\"account_link\",\"url\":"
                                + q(baseUrl() + "/connect/onboarding/" + form.get("account")) + ",\"created\":" + now
                                + ",\"expires_at\":" + (Long.parseLong(now) + 300) + "}",
                        Duration.ZERO);
            }
            if (method.equals("POST") && path.equals("/v1/transfers")) {
                if (failTransfers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return json(
                            failStatus,
                            error("api_error", null, "An unexpected error occurred (fake Stripe).", null),
                            Duration.ZERO);
                }
                String destination = form.get("destination");
                if (destination == null || !accounts.containsKey(destination)) {
                    return json(
                            400,
                            error(
                                    "invalid_request_error",
                                    "resource_missing",
                                    "No such destination: '" + destination + "'",
                                    "destination"),
                            Duration.ZERO);
                }
                long amount;
                try {
                    amount = Long.parseLong(form.getOrDefault("amount", ""));
                } catch (NumberFormatException e) {
                    amount = -1;
                }
                if (amount <= 0) {
                    return json(
                            400,
                            error("invalid_request_error", "parameter_invalid_integer", "Invalid amount", "amount"),
                            Duration.ZERO);
                }
                String id = nextId("tr_");
                String group = form.get("transfer_group");
                String tr = "{\"id\":" + q(id) + ",\"object\":\"transfer\",\"amount\":" + amount
                        + ",\"amount_reversed\":0,"
                        + "\"currency\":" + q(form.getOrDefault("currency", "usd")) + ",\"destination\":"
                        + q(destination) + ",\"transfer_group\":" + q(group) + ",\"reversed\":false,\"livemode\":false,"
                        + "\"created\":" + now + ",\"metadata\":" + metadata(form) + "}";
                transfers.put(id, tr);
                if (group != null) {
                    transferGroups.put(id, group);
                }
                return json(200, tr, transferDelay);
            }
            if (method.equals("GET") && path.equals("/v1/transfers")) {
                String group = form.get("transfer_group");
                String data = transfers.entrySet().stream()
                        .filter(e -> group == null || group.equals(transferGroups.get(e.getKey())))
                        .map(Map.Entry::getValue)
                        .collect(Collectors.joining(","));
                return json(
                        200,
                        "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false,\"url\":\"/v1/transfers\"}",
                        Duration.ZERO);
            }
            if (method.equals("GET") && seg.length == 4 && seg[2].equals("transfers")) {
                String tr = transfers.get(seg[3]);
                return tr == null
                        ? json(
                                404,
                                error("invalid_request_error", "resource_missing", "No such transfer", "id"),
                                Duration.ZERO)
                        : json(200, tr, Duration.ZERO);
            }
            return json(
                    404,
                    error(
                            "invalid_request_error",
                            null,
                            "Unrecognized request URL (" + method + ": " + path + ") in the fake Stripe",
                            null),
                    Duration.ZERO);
        }

        private ResponseDefinition json(int status, String body, Duration delay) {
            var b = aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + Long.toString(ids.incrementAndGet(), 36))
                    .withBody(body);
            if (!delay.isZero()) {
                b = b.withFixedDelay((int) delay.toMillis());
            }
            return b.build();
        }
    }
}
