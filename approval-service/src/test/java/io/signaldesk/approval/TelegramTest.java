package io.signaldesk.approval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.approval.PipelineFixture.guardEvent;
import static io.signaldesk.approval.PipelineFixture.send;
import static io.signaldesk.approval.PipelineFixture.signalEvent;
import static io.signaldesk.approval.PipelineFixture.strategy;
import static io.signaldesk.approval.PipelineFixture.subscribe;
import static io.signaldesk.approval.PipelineFixture.token;
import static io.signaldesk.approval.TradePipelineTest.pendingApproval;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.execute;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.hmac.Hmac;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Telegram for traders (issue 9): linking a chat, alerts, the Approve/Reject buttons, Telegram down. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeTelegram.class, restrictToAnnotatedClass = false)
class TelegramTest {
    static final String SECRET = "test-webhook-secret";
    static final String PROBLEM = "application/problem+json";

    static long newChat() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }

    static String newCode(UUID user) {
        return given().auth()
                .oauth2(token(user))
                .post("/api/v1/telegram/link")
                .then()
                .statusCode(200)
                .body("deepLink", startsWith("https://t.me/signaldesk_test_bot?start="))
                .extract()
                .path("code");
    }

    static String startUpdate(long chat, String text) {
        return new JsonObject()
                .put("update_id", ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE))
                .put(
                        "message",
                        new JsonObject()
                                .put("message_id", 7)
                                .put("date", Instant.now().getEpochSecond())
                                .put(
                                        "from",
                                        new JsonObject()
                                                .put("id", chat)
                                                .put("is_bot", false)
                                                .put("first_name", "T"))
                                .put("chat", new JsonObject().put("id", chat).put("type", "private"))
                                .put("text", text)
                                .put("entities", new io.vertx.core.json.JsonArray()))
                .encode();
    }

    static String callbackUpdate(String callbackId, long from, String data) {
        return new JsonObject()
                .put("update_id", ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE))
                .put(
                        "callback_query",
                        new JsonObject()
                                .put("id", callbackId)
                                .put("from", new JsonObject().put("id", from).put("is_bot", false))
                                .put("chat_instance", "42")
                                .put(
                                        "message",
                                        new JsonObject()
                                                .put("message_id", 99)
                                                .put(
                                                        "chat",
                                                        new JsonObject()
                                                                .put("id", from)
                                                                .put("type", "private"))
                                                .put("text", "New signal"))
                                .put("data", data))
                .encode();
    }

    static void webhook(String body) {
        given().header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(200);
    }

    /** Links a new chat to the trader through the real flow and returns the chat id. */
    static long link(UUID user) {
        long chat = newChat();
        webhook(startUpdate(chat, "/start " + newCode(user)));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "' AND chat_id = "
                        + chat))
                .isEqualTo(1);
        return chat;
    }

    /** What the fake Bot API received by this method, as JSON bodies. */
    static List<JsonObject> received(String method) {
        return FakeTelegram.server.findAll(postRequestedFor(urlPathMatching("/bot[^/]+/" + method))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(JsonObject::new)
                .toList();
    }

    static List<JsonObject> messagesTo(long chat) {
        return received("sendMessage").stream()
                .filter(b -> b.getLong("chat_id") == chat)
                .toList();
    }

    static JsonObject answerOf(String callbackId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> received("answerCallbackQuery").stream()
                        .anyMatch(b -> callbackId.equals(b.getString("callback_query_id"))));
        return received("answerCallbackQuery").stream()
                .filter(b -> callbackId.equals(b.getString("callback_query_id")))
                .findFirst()
                .orElseThrow();
    }

    static String status(String approval) {
        return text("SELECT status FROM approval.approvals WHERE id = '" + approval + "'");
    }

    /** A linked trader with a device and a subscription, and one PENDING approval of a fresh signal. */
    record Pending(UUID user, long chat, PipelineFixture.Dev dev, String approval) {}

    static Pending pending() throws Exception {
        UUID user = UUID.randomUUID();
        long chat = link(user);
        UUID strategy = strategy();
        PipelineFixture.Dev dev = device(user);
        subscribe(user, strategy, "");
        UUID signal = UUID.randomUUID();
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        return new Pending(user, chat, dev, pendingApproval(user, signal));
    }

    @Test
    void aCodeLinksOneChatOnceAndAWebhookWithoutTheSecretChangesNothing() {
        UUID user = UUID.randomUUID();
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/telegram/link")
                .then()
                .statusCode(200)
                .body("linked", equalTo(false));
        String old = newCode(user);
        String code = newCode(user); // replaces the first
        assertThat(code).hasSizeGreaterThanOrEqualTo(16).matches("[A-Za-z0-9_-]+");
        // stored hashed, one per trader
        assertThat(count("SELECT count(*) FROM approval.telegram_link_codes WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
        assertThat(text("SELECT code_hash FROM approval.telegram_link_codes WHERE user_id = '" + user + "'"))
                .isEqualTo(Hmac.sha256Hex(code))
                .isNotEqualTo(code);

        long chat = newChat();
        for (String secret : new String[] {null, "wrong", SECRET + "x"}) {
            var req = given().contentType(ContentType.JSON).body(startUpdate(chat, "/start " + code));
            if (secret != null) {
                req = req.header("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            req.post("/api/v1/telegram/webhook")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/telegram-webhook-secret"));
        }
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM approval.telegram_link_codes WHERE user_id = '" + user + "'"))
                .isEqualTo(1);

        // the replaced code links nothing
        webhook(startUpdate(chat, "/start " + old));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "'"))
                .isZero();
        assertThat(messagesTo(chat)).extracting(b -> b.getString("text")).containsExactly("code expired or unknown");

        webhook(startUpdate(chat, "/start " + code));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "' AND chat_id = "
                        + chat))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM approval.telegram_link_codes WHERE user_id = '" + user + "'"))
                .isZero();
        assertThat(messagesTo(chat).get(1).getString("text")).isEqualTo("linked");
        String last3 = Long.toString(chat).substring(Long.toString(chat).length() - 3);
        given().auth()
                .oauth2(token(user))
                .get("/api/v1/telegram/link")
                .then()
                .statusCode(200)
                .body("linked", equalTo(true))
                .body("chat", equalTo("…" + last3));

        // a second use of the code links no other chat
        long other = newChat();
        webhook(startUpdate(other, "/start " + code));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE chat_id = " + other))
                .isZero();
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "' AND chat_id = "
                        + chat))
                .isEqualTo(1);
        assertThat(messagesTo(other)).extracting(b -> b.getString("text")).containsExactly("code expired or unknown");

        // an expired code links nothing
        UUID late = UUID.randomUUID();
        String expired = newCode(late);
        execute("UPDATE approval.telegram_link_codes SET expires_at = now() - interval '1 second' WHERE user_id = '"
                + late + "'");
        webhook(startUpdate(other, "/start " + expired));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + late + "'"))
                .isZero();

        // malformed updates are 400 problems, unknown fields and other kinds of update are fine
        given().header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType(ContentType.JSON)
                .body("{\"message\":")
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        webhook("{\"update_id\":5,\"edited_channel_post\":{\"x\":1},\"something_new\":true}");

        given().auth()
                .oauth2(token(user))
                .delete("/api/v1/telegram/link")
                .then()
                .statusCode(204);
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + user + "'"))
                .isZero();
    }

    @Test
    void aNewApprovalIsSentToTheLinkedChatWithApproveAndRejectButtons() throws Exception {
        Pending p = pending();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        messagesTo(p.chat()).stream().anyMatch(b -> b.encode().contains("approve:" + p.approval())));
        JsonObject msg = messagesTo(p.chat()).stream()
                .filter(b -> b.containsKey("reply_markup"))
                .findFirst()
                .orElseThrow();
        assertThat(msg.getString("text")).contains("BUY EURUSD");
        var buttons = msg.getJsonObject("reply_markup")
                .getJsonArray("inline_keyboard")
                .getJsonArray(0);
        assertThat(buttons.getJsonObject(0).getString("callback_data")).isEqualTo("approve:" + p.approval());
        assertThat(buttons.getJsonObject(1).getString("callback_data")).isEqualTo("reject:" + p.approval());
        // the token is in the URL path only
        assertThat(FakeTelegram.server.findAll(
                        postRequestedFor(urlPathMatching("/bot123456:test-bot-token/sendMessage"))))
                .isNotEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM approval.telegram_notifications WHERE user_id = '" + p.user()
                                + "' AND status = 'SENT' AND reply_markup LIKE '%approve:" + p.approval() + "%'")
                        == 1);

        // a trader without a linked chat gets no notification row at all
        UUID unlinked = UUID.randomUUID();
        UUID strategy = strategy();
        device(unlinked);
        subscribe(unlinked, strategy, "");
        UUID signal = UUID.randomUUID();
        send(signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        pendingApproval(unlinked, signal);
        assertThat(count("SELECT count(*) FROM approval.telegram_notifications WHERE user_id = '" + unlinked + "'"))
                .isZero();
    }

    @Test
    void theApproveButtonOfTheLinkedChatApprovesAndAnyOtherChatDoesNothing() throws Exception {
        Pending p = pending();
        Pending someoneElse = pending();

        // another trader's linked chat, and a chat nobody linked: not allowed, nothing changes
        String foreign = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(foreign, someoneElse.chat(), "approve:" + p.approval()));
        assertThat(answerOf(foreign).getString("text")).isEqualTo("not allowed");
        String stranger = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(stranger, newChat(), "approve:" + p.approval()));
        assertThat(answerOf(stranger).getString("text")).isEqualTo("not allowed");
        String junk = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(junk, p.chat(), "approve:not-a-uuid"));
        assertThat(answerOf(junk).getString("text")).isEqualTo("not allowed");
        assertThat(status(p.approval())).isEqualTo("PENDING");
        assertThat(GuardEventsTest.commands(p.dev(), "OPEN")).isZero();

        String mine = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(mine, p.chat(), "approve:" + p.approval()));
        assertThat(answerOf(mine).getString("text")).isEqualTo("Approved");
        assertThat(status(p.approval())).isEqualTo("APPROVED");
        assertThat(count("SELECT count(*) FROM approval.commands WHERE approval_id = '" + p.approval()
                        + "' AND type = 'OPEN' AND status = 'PENDING'"))
                .isEqualTo(1);
        assertThat(received("editMessageText").stream()
                        .anyMatch(b -> b.getLong("chat_id") == p.chat()
                                && b.getString("text").endsWith("Approved")))
                .isTrue();

        // the EA fills it: the fill is told to the chat
        var poll = p.dev().client().poll(0);
        assertThat(poll.status()).as(poll.body()).isEqualTo(200);
        String commandId = new JsonObject(poll.body())
                .getJsonArray("commands")
                .getJsonObject(0)
                .getString("commandId");
        var ack = p.dev()
                .client()
                .ack("{\"commandId\":\"" + commandId
                        + "\",\"status\":\"FILLED\",\"ticket\":777001,\"price\":\"1.08412\",\"volume\":\"0.10\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(p.chat()).stream()
                        .anyMatch(b -> b.getString("text")
                                .startsWith("Opened BUY EURUSD 0.1 lots at 1.08412 (ticket 777001)")));

        // pressed again: already decided, told so
        String again = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(again, p.chat(), "approve:" + p.approval()));
        assertThat(answerOf(again).getString("text")).contains("already APPROVED");

        // the other trader rejects theirs
        String reject = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(reject, someoneElse.chat(), "reject:" + someoneElse.approval()));
        assertThat(answerOf(reject).getString("text")).isEqualTo("Rejected");
        assertThat(status(someoneElse.approval())).isEqualTo("REJECTED");
    }

    @Test
    void anExpiredOrBlockedApprovalIsAnsweredWithTheReasonAndNothingChanges() throws Exception {
        Pending expired = pending();
        execute("UPDATE approval.approvals SET expires_at = now() - interval '1 second' WHERE id = '"
                + expired.approval() + "'");
        String cb = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(cb, expired.chat(), "approve:" + expired.approval()));
        assertThat(answerOf(cb).getString("text").toLowerCase()).contains("expired");
        assertThat(status(expired.approval())).isIn("PENDING", "EXPIRED");
        assertThat(GuardEventsTest.commands(expired.dev(), "OPEN")).isZero();

        Pending blocked = pending();
        JsonObject trig = GuardEventsTest.triggered(blocked.user(), blocked.dev(), "DRAWDOWN", "BLOCK");
        String eventId = UUID.randomUUID().toString();
        send(guardEvent(eventId, "GuardTriggered", trig));
        GuardEventsTest.applied(eventId);
        String blockedCb = "cb-" + UUID.randomUUID();
        webhook(callbackUpdate(blockedCb, blocked.chat(), "approve:" + blocked.approval()));
        assertThat(answerOf(blockedCb).getString("text")).contains("blocked by its DRAWDOWN guard");
        assertThat(status(blocked.approval())).isEqualTo("PENDING");
        assertThat(GuardEventsTest.commands(blocked.dev(), "OPEN")).isZero();
        // the guard stage was told to the linked chat too
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(blocked.chat()).stream()
                        .anyMatch(b -> b.getString("text").contains("DRAWDOWN")
                                && b.getString("text").contains("BLOCK")));
    }

    @Test
    void whileTelegramIsDownTradingWorksAndTheAlertIsRetriedUntilItIsSent() throws Exception {
        UUID user = UUID.randomUUID();
        long chat = newChat();
        StubMapping down = FakeTelegram.server.stubFor(post(urlPathMatching("/bot[^/]+/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", WireMock.equalTo(Long.toString(chat))))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false}")));
        try {
            webhook(startUpdate(chat, "/start " + newCode(user))); // linked; its reply is lost
            UUID strategy = strategy();
            PipelineFixture.Dev dev = device(user);
            subscribe(user, strategy, "");
            UUID signal = UUID.randomUUID();
            send(signalEvent(
                    UUID.randomUUID().toString(),
                    signal,
                    strategy,
                    Instant.now().plusSeconds(600)));
            String approval = pendingApproval(user, signal);
            String byUser = "SELECT %s FROM approval.telegram_notifications WHERE user_id = '" + user + "'";
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count(byUser.formatted("coalesce(max(attempts), 0)")) >= 3);
            assertThat(text(byUser.formatted("status"))).isEqualTo("PENDING");
            assertThat(text(byUser.formatted("last_error")))
                    .isEqualTo("HTTP 500")
                    .doesNotContain("test-bot-token");

            // trading does not wait for Telegram
            GuardEventsTest.approve(user, approval, 200);
            assertThat(status(approval)).isEqualTo("APPROVED");
            assertThat(GuardEventsTest.commands(dev, "OPEN")).isEqualTo(1);
            int triedWhileDown = messagesTo(chat).size();
            assertThat(triedWhileDown).isGreaterThanOrEqualTo(3);

            FakeTelegram.server.removeStub(down);
            await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(text(byUser.formatted("status"))));
            assertThat(messagesTo(chat).size()).isGreaterThan(triedWhileDown);
            assertThat(text(byUser.formatted("last_error"))).isNull();
        } finally {
            FakeTelegram.server.removeStub(down);
        }
    }

    /** A divergence reconciliation found reaches the trader's chat (an alert only). */
    @Test
    void aNewDivergenceIsSentToTheLinkedChat() throws Exception {
        UUID user = UUID.randomUUID();
        long chat = link(user);
        PipelineFixture.Dev dev = device(user);
        String eventId = UUID.randomUUID().toString();
        send(PipelineFixture.guardEvent(
                eventId,
                "DivergenceDetected",
                new JsonObject()
                        .put("divergenceId", UUID.randomUUID().toString())
                        .put("userId", user.toString())
                        .put("deviceId", dev.id())
                        .put("accountId", "acct-" + dev.id())
                        .put("type", "UNEXPECTED_AT_BROKER")
                        .put("ticket", 9001)
                        .put("details", "ticket 9001: the broker reports 0.5 EURUSD BUY at 1.07 that is not ours")
                        .put("detectedAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(chat).stream()
                        .anyMatch(b -> b.getString("text").contains("ticket 9001")));
        assertThat(messagesTo(chat).stream()
                        .filter(b -> b.getString("text").contains("ticket 9001"))
                        .findFirst()
                        .orElseThrow()
                        .getString("text"))
                .contains("not ours (adopt or close it)");
    }

    /** Review of issue 9: a code sent to a trader whose chat is linked must not move their chat to the sender. */
    @Test
    void aStrangersCodeCannotTakeOverALinkedChat() throws Exception {
        UUID victim = UUID.randomUUID();
        long chat = link(victim);
        UUID attacker = UUID.randomUUID();
        webhook(startUpdate(chat, "/start " + newCode(attacker)));
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + victim + "' AND chat_id = "
                        + chat))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM approval.telegram_links WHERE user_id = '" + attacker + "'"))
                .isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(chat).stream()
                        .anyMatch(b -> b.getString("text").contains("already linked")));
    }
}
