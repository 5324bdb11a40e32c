package io.signaldesk.payout;

import static io.restassured.RestAssured.given;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.text;
import static io.signaldesk.payout.BillingFixture.PROBLEM;
import static io.signaldesk.payout.BillingFixture.charge;
import static io.signaldesk.payout.BillingFixture.deliver;
import static io.signaldesk.payout.BillingFixture.dispute;
import static io.signaldesk.payout.BillingFixture.event;
import static io.signaldesk.payout.BillingFixture.id;
import static io.signaldesk.payout.BillingFixture.invoice;
import static io.signaldesk.payout.BillingFixture.linked;
import static io.signaldesk.payout.BillingFixture.mySubscription;
import static io.signaldesk.payout.BillingFixture.now;
import static io.signaldesk.payout.BillingFixture.realCharge;
import static io.signaldesk.payout.BillingFixture.realInvoice;
import static io.signaldesk.payout.BillingFixture.refund;
import static io.signaldesk.payout.BillingFixture.refundObject;
import static io.signaldesk.payout.BillingFixture.stripeKnowsPayment;
import static io.signaldesk.payout.BillingFixture.subscription;
import static io.signaldesk.payout.BillingFixture.subscriptionUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.ManagementPort;
import io.signaldesk.localstack.StripeWebhooks;
import io.signaldesk.localstack.TestTopics;
import io.signaldesk.payout.BillingFixture.Linked;
import io.signaldesk.payout.BillingFixture.RealPayment;
import io.signaldesk.payout.config.BillingClock;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.inject.literal.NamedLiteral;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook end to end: signed payloads in, rows in the real database and billing.v1 events
 * on the real broker (through the outbox) out; every refusal leaves nothing written.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeStripeResource.class, restrictToAnnotatedClass = false)
class StripeWebhookTest {
    record Published(String type, JsonObject data) {}

    /** The billing.v1 events keyed by this user, once {@code atLeast} arrived and nothing more for 2 s. */
    static List<Published> published(UUID user, int atLeast) {
        List<ConsumerRecord<String, String>> got =
                TestTopics.read("billing.v1", r -> user.toString().equals(r.key()), atLeast, Duration.ofSeconds(2));
        return got.stream()
                .map(r -> new Published(
                        new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8),
                        new JsonObject(r.value())))
                .toList();
    }

    static long rows(String table, String where) {
        return count("SELECT count(*) FROM payout." + table + " WHERE " + where);
    }

    @Test
    void checkoutLinksTheUserAndSubscriptionUpdatedGivesTheTierAndAnnouncesItsEntitlements() {
        Linked l = linked();
        assertThat(text("SELECT stripe_customer_id || ' ' || stripe_subscription_id || ' ' || tier FROM"
                        + " payout.billing_accounts WHERE user_id = '" + l.user() + "'"))
                .isEqualTo(l.customer() + " " + l.subscription() + " FREE");
        long end = now() + 30 * 86400;
        subscriptionUpdated(l, "active", "price_pro_monthly", end, false, now())
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));

        mySubscription(l.user())
                .body("tier", equalTo("PRO"))
                .body("status", equalTo("ACTIVE"))
                .body("cancelAtPeriodEnd", equalTo(false))
                .body("currentPeriodEnd", equalTo(Instant.ofEpochSecond(end).toString()))
                .body("entitlements.maxDevices", equalTo(3))
                .body("entitlements.maxSubscriptions", equalTo(10));
        List<Published> events = published(l.user(), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("io.signaldesk.SubscriptionChanged");
        JsonObject e = events.get(0).data();
        assertThat(e.getString("tier")).isEqualTo("PRO");
        assertThat(e.getString("status")).isEqualTo("ACTIVE");
        assertThat(e.getInteger("maxDevices")).isEqualTo(3);
        assertThat(e.getInteger("maxSubscriptions")).isEqualTo(10);
    }

    @Test
    void aSubscriptionEventCarryingTheUserInItsMetadataLinksThemEvenBeforeCheckoutCompletedArrives() {
        UUID user = UUID.randomUUID();
        String customer = id("cus_");
        deliver(event(
                        id("evt_"),
                        "customer.subscription.created",
                        subscription(id("sub_"), customer, "active", "price_elite_monthly", now() + 86400, false, user),
                        now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        assertThat(text("SELECT tier FROM payout.billing_accounts WHERE stripe_customer_id = '" + customer + "'"))
                .isEqualTo("ELITE");
        assertThat(published(user, 1))
                .extracting(p -> p.data().getInteger("maxDevices"))
                .containsExactly(10);
    }

    @Test
    void anInvoicePaidIsOnePaymentAndARedeliveryHasNoSecondEffect() {
        Linked l = linked();
        String invoiceId = id("in_");
        String chargeId = id("ch_");
        String payload =
                event(id("evt_"), "invoice.paid", invoice(invoiceId, l.customer(), 2900, "usd", chargeId), now());
        deliver(payload).then().statusCode(200).body("outcome", equalTo("applied"));
        deliver(payload).then().statusCode(200).body("outcome", equalTo("duplicate"));

        assertThat(rows("payments", "invoice_id = '" + invoiceId + "'")).isEqualTo(1);
        assertThat(text("SELECT amount || ' ' || currency || ' ' || tier || ' ' || fingerprint || ' ' || charge_id"
                        + " FROM payout.payments WHERE invoice_id = '" + invoiceId + "'"))
                .isEqualTo("29.0000 USD PRO fp_card_1 " + chargeId);
        List<Published> events = published(l.user(), 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("io.signaldesk.PaymentSucceeded");
        JsonObject e = events.get(0).data();
        assertThat(e.getJsonObject("amount").getString("amount")).isEqualTo("29.00");
        assertThat(e.getJsonObject("amount").getString("currency")).isEqualTo("USD");
        assertThat(e.getString("tier")).isEqualTo("PRO");
        assertThat(e.getString("paymentFingerprint")).isEqualTo("fp_card_1");
        assertThat(e.getString("stripeInvoiceId")).isEqualTo(invoiceId);
        assertThat(e.getString("paymentId"))
                .isEqualTo(UUID.nameUUIDFromBytes(("stripe-invoice:" + invoiceId).getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(e.getString("paidAt"))
                .isEqualTo(Instant.ofEpochSecond(1_780_000_000L).toString());
    }

    @Test
    void aRealShapedInvoicePaidLearnsItsChargeIntentAndCardFingerprintFromStripe() {
        Linked l = linked();
        RealPayment p = stripeKnowsPayment(2900, "fp_real_card");
        deliver(event(id("evt_"), "invoice.paid", realInvoice(p.invoice(), l.customer(), 2900, "usd"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));

        assertThat(text("SELECT charge_id || ' ' || payment_intent_id || ' ' || fingerprint || ' ' || tier"
                        + " FROM payout.payments WHERE invoice_id = '" + p.invoice() + "'"))
                .isEqualTo(p.charge() + " " + p.intent() + " fp_real_card PRO");
        List<Published> events = published(l.user(), 1);
        assertThat(events).extracting(Published::type).containsExactly("io.signaldesk.PaymentSucceeded");
        assertThat(events.get(0).data().getString("paymentFingerprint")).isEqualTo("fp_real_card");
        assertThat(FakeStripeResource.stripe.requests("GET", "/v1/charges/" + p.charge()))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anInvoicePaidWhosePaymentStripeDoesNotListYetIsRetriedNotAppliedWithoutItsCharge() {
        Linked l = linked();
        String invoice = id("in_");
        String evt = id("evt_");
        // no invoice payment known at Stripe (yet): applying it now would leave a payment no refund can find
        deliver(event(evt, "invoice.paid", realInvoice(invoice, l.customer(), 2900, "usd"), now()))
                .then()
                .statusCode(503)
                .contentType(PROBLEM);
        assertThat(rows("stripe_events", "event_id = '" + evt + "'")).isZero();
        assertThat(rows("payments", "invoice_id = '" + invoice + "'")).isZero();
    }

    @Test
    void realRefundEventsAndAChargeRefundedWithoutAListClawBackEachRefundOnce() {
        Linked l = linked();
        RealPayment p = stripeKnowsPayment(2900, "fp_refunded_card");
        deliver(event(id("evt_"), "invoice.paid", realInvoice(p.invoice(), l.customer(), 2900, "usd"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        String re1 = id("re_");
        // pending: no money went back yet
        deliver(event(id("evt_"), "refund.created", refundObject(re1, p.charge(), p.intent(), 1000, "pending"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        deliver(event(
                        id("evt_"),
                        "refund.updated",
                        refundObject(re1, p.charge(), p.intent(), 1000, "succeeded"),
                        now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        FakeStripeResource.stripe.putRefund(re1, p.charge(), p.intent(), 1000, "usd", "succeeded");
        // charge.refunded for the same refund: Stripe lists re1, already announced
        deliver(event(id("evt_"), "charge.refunded", realCharge(p.charge(), p.intent(), 2900, 1000), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        // a second refund seen first through charge.refunded, then its refund.updated
        String re2 = id("re_");
        FakeStripeResource.stripe.putRefund(re2, p.charge(), p.intent(), 1500, "usd", "succeeded");
        deliver(event(id("evt_"), "charge.refunded", realCharge(p.charge(), p.intent(), 2900, 2500), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        deliver(event(
                        id("evt_"),
                        "refund.updated",
                        refundObject(re2, p.charge(), p.intent(), 1500, "succeeded"),
                        now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        // a dispute names the charge by id
        String dp = id("dp_");
        deliver(event(id("evt_"), "charge.dispute.created", dispute(dp, p.charge(), 2900, "needs_response"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));

        List<Published> refunds = published(l.user(), 4).stream()
                .filter(e -> e.type().equals("io.signaldesk.PaymentRefunded"))
                .toList();
        assertThat(refunds)
                .extracting(e -> e.data().getString("refundId") + " "
                        + e.data().getJsonObject("amount").getString("amount") + " "
                        + e.data().getString("reason") + " " + e.data().getString("stripeChargeId"))
                .containsExactly(
                        re1 + " 10.00 refund " + p.charge(),
                        re2 + " 15.00 refund " + p.charge(),
                        dp + " 4.00 dispute " + p.charge());
        assertThat(text("SELECT refunded FROM payout.payments WHERE invoice_id = '" + p.invoice() + "'"))
                .isEqualTo("29.0000");
    }

    @Test
    void aRefundAndADisputeArrivingBeforeTheirInvoicePaidAreAnnouncedRightAfterThePaymentOnce() {
        Linked l = linked();
        RealPayment p = stripeKnowsPayment(2900, "fp_early_card");
        String re1 = id("re_");
        JsonObject refund = refundObject(re1, p.charge(), p.intent(), 1000, "succeeded");
        deliver(event(id("evt_"), "refund.updated", refund, now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("deferred"));
        // the same refund again in another event: kept once
        deliver(event(id("evt_"), "refund.created", refund, now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("deferred"));
        String dp = id("dp_");
        deliver(event(id("evt_"), "charge.dispute.created", dispute(dp, p.charge(), 2900, "needs_response"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("deferred"));
        assertThat(rows("payment_refunds", "refund_id IN ('" + re1 + "', '" + dp + "')"))
                .isZero();
        assertThat(published(l.user(), 0)).isEmpty();

        deliver(event(id("evt_"), "invoice.paid", realInvoice(p.invoice(), l.customer(), 2900, "usd"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        // after the payment, a redelivered refund has no second effect
        deliver(event(id("evt_"), "refund.updated", refund, now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));

        assertThat(published(l.user(), 3))
                .extracting(e -> e.type().substring("io.signaldesk.".length()) + " "
                        + e.data().getString("refundId") + " "
                        + e.data().getJsonObject("amount").getString("amount"))
                .containsExactly(
                        "PaymentSucceeded null 29.00",
                        "PaymentRefunded " + re1 + " 10.00",
                        "PaymentRefunded " + dp + " 19.00");
        assertThat(text("SELECT refunded FROM payout.payments WHERE invoice_id = '" + p.invoice() + "'"))
                .isEqualTo("29.0000");
        assertThat(rows("pending_give_backs", "charge_id = '" + p.charge() + "'"))
                .isZero();
    }

    @Test
    void theSameEventDeliveredEightTimesAtOnceHasExactlyOneEffect() throws Exception {
        Linked l = linked();
        String invoiceId = id("in_");
        String payload =
                event(id("evt_"), "invoice.paid", invoice(invoiceId, l.customer(), 9900, "usd", id("ch_")), now());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    var r = deliver(payload);
                    return r.statusCode() + " " + r.jsonPath().getString("outcome");
                });
            }
            answers.addAll(pool.invokeAll(calls));
        } finally {
            pool.shutdownNow();
        }
        List<String> got = new ArrayList<>();
        for (Future<String> f : answers) {
            got.add(f.get());
        }
        assertThat(got).containsOnly("200 applied", "200 duplicate");
        assertThat(got).filteredOn("200 applied"::equals).hasSize(1);
        assertThat(rows("payments", "invoice_id = '" + invoiceId + "'")).isEqualTo(1);
        assertThat(published(l.user(), 1)).hasSize(1);
    }

    @Test
    void eachRefundIsAnnouncedOnceWithItsOwnAmountAndNeverMoreThanIsLeftOfThePayment() {
        Linked l = linked();
        String invoiceId = id("in_");
        String chargeId = id("ch_");
        deliver(event(id("evt_"), "invoice.paid", invoice(invoiceId, l.customer(), 2900, "usd", chargeId), now()))
                .then()
                .statusCode(200);
        String re1 = id("re_");
        String re2 = id("re_");
        String re3 = id("re_");
        deliver(event(id("evt_"), "charge.refunded", charge(chargeId, refund(re1, 1000)), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        // Stripe lists every refund of the charge so far: re1 again, and the new re2
        deliver(event(id("evt_"), "charge.refunded", charge(chargeId, refund(re1, 1000), refund(re2, 1500)), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        // only 4.00 is left: a 10.00 refund is clamped to it
        deliver(event(
                        id("evt_"),
                        "charge.refunded",
                        charge(chargeId, refund(re1, 1000), refund(re2, 1500), refund(re3, 1000)),
                        now()))
                .then()
                .statusCode(200);
        // nothing new: ignored
        deliver(event(id("evt_"), "charge.refunded", charge(chargeId, refund(re1, 1000)), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));

        List<Published> refunds = published(l.user(), 4).stream()
                .filter(p -> p.type().equals("io.signaldesk.PaymentRefunded"))
                .toList();
        assertThat(refunds)
                .extracting(p -> p.data().getString("refundId") + " "
                        + p.data().getJsonObject("amount").getString("amount") + " "
                        + p.data().getString("reason"))
                .containsExactly(re1 + " 10.00 refund", re2 + " 15.00 refund", re3 + " 4.00 refund");
        assertThat(refunds).allSatisfy(p -> {
            assertThat(p.data().getString("stripeChargeId")).isEqualTo(chargeId);
            assertThat(p.data().getString("paymentId"))
                    .isEqualTo(UUID.nameUUIDFromBytes(("stripe-invoice:" + invoiceId).getBytes(StandardCharsets.UTF_8))
                            .toString());
        });
        assertThat(text("SELECT refunded FROM payout.payments WHERE invoice_id = '" + invoiceId + "'"))
                .isEqualTo("29.0000");
        assertThat(text("SELECT requested || ' ' || amount FROM payout.payment_refunds WHERE refund_id = '" + re3
                        + "'"))
                .isEqualTo("10.0000 4.0000");
    }

    @Test
    void aDisputeIsAnnouncedOnceWhetherOpenedClosedLostOrBoth() {
        Linked l = linked();
        String chargeId = id("ch_");
        deliver(event(id("evt_"), "invoice.paid", invoice(id("in_"), l.customer(), 2900, "usd", chargeId), now()))
                .then()
                .statusCode(200);
        String dp = id("dp_");
        deliver(event(id("evt_"), "charge.dispute.created", dispute(dp, chargeId, 2900, "needs_response"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        deliver(event(id("evt_"), "charge.dispute.closed", dispute(dp, chargeId, 2900, "lost"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        String won = id("dp_");
        deliver(event(id("evt_"), "charge.dispute.closed", dispute(won, chargeId, 2900, "won"), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));

        List<Published> refunds = published(l.user(), 2).stream()
                .filter(p -> p.type().equals("io.signaldesk.PaymentRefunded"))
                .toList();
        assertThat(refunds)
                .extracting(p -> p.data().getString("refundId") + " " + p.data().getString("reason") + " "
                        + p.data().getJsonObject("amount").getString("amount"))
                .containsExactly(dp + " dispute 29.00");
    }

    @Test
    void anOlderSubscriptionStateArrivingLateDoesNotRegressAndIsNotAnnounced() {
        Linked l = linked();
        long t = now();
        String newer = event(
                id("evt_"),
                "customer.subscription.updated",
                subscription(l.subscription(), l.customer(), "active", "price_elite_monthly", t + 86400, false, null),
                t);
        String older = event(
                id("evt_"),
                "customer.subscription.updated",
                subscription(l.subscription(), l.customer(), "active", "price_pro_monthly", t + 86400, false, null),
                t - 60);
        deliver(newer).then().statusCode(200).body("outcome", equalTo("applied"));
        deliver(older).then().statusCode(200).body("outcome", equalTo("ignored"));

        assertThat(text("SELECT tier FROM payout.billing_accounts WHERE user_id = '" + l.user() + "'"))
                .isEqualTo("ELITE");
        assertThat(published(l.user(), 1))
                .extracting(p -> p.data().getString("tier"))
                .containsExactly("ELITE");
        assertThat(rows("stripe_events", "type = 'customer.subscription.updated' AND outcome = 'IGNORED'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void eventsOfASecondSubscriptionDoNotChangeTheTierUntilTheCurrentOneEnded() {
        Linked l = linked();
        long t = now();
        subscriptionUpdated(l, "active", "price_pro_monthly", t + 86400, false, t - 10)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        String other = id("sub_");
        JsonObject elite = subscription(other, l.customer(), "active", "price_elite_monthly", t + 86400, false, null);
        deliver(event(id("evt_"), "customer.subscription.created", elite, t - 5))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        assertThat(text("SELECT tier || ' ' || stripe_subscription_id FROM payout.billing_accounts WHERE user_id = '"
                        + l.user() + "'"))
                .isEqualTo("PRO " + l.subscription());
        // the current one ends: the other one may take over
        deliver(event(
                        id("evt_"),
                        "customer.subscription.deleted",
                        subscription(l.subscription(), l.customer(), "canceled", "price_pro_monthly", t, false, null),
                        t))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        deliver(event(id("evt_"), "customer.subscription.updated", elite, t + 1))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        assertThat(published(l.user(), 3))
                .extracting(p -> p.data().getString("tier"))
                .containsExactly("PRO", "FREE", "ELITE");
    }

    @Test
    void createdIncompleteAndUpdatedActiveInTheSameSecondEndOnProWhicheverArrivesFirstAndAreVersioned() {
        long t = now();
        for (boolean reversed : List.of(false, true)) {
            Linked l = linked();
            FakeStripeResource.stripe.putSubscription(
                    l.subscription(), l.customer(), "active", t + 86400, "price_pro_monthly");
            String created = event(
                    id("evt_"),
                    "customer.subscription.created",
                    subscription(
                            l.subscription(), l.customer(), "incomplete", "price_pro_monthly", t + 86400, false, null),
                    t);
            String updated = event(
                    id("evt_"),
                    "customer.subscription.updated",
                    subscription(l.subscription(), l.customer(), "active", "price_pro_monthly", t + 86400, false, null),
                    t);
            for (String e : reversed ? List.of(updated, created) : List.of(created, updated)) {
                deliver(e).then().statusCode(200);
            }
            mySubscription(l.user()).body("tier", equalTo("PRO")).body("status", equalTo("ACTIVE"));
            List<Published> events = published(l.user(), 2);
            assertThat(events)
                    .extracting(p -> p.data().getLong("version"))
                    .as("reversed=" + reversed)
                    .containsExactly(1L, 2L);
            assertThat(events.get(1).data().getString("tier")).isEqualTo("PRO");
            assertThat(events.get(1).data().getString("status")).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aDeletedSubscriptionReturnsTheUserToFree() {
        Linked l = linked();
        long t = now();
        subscriptionUpdated(l, "active", "price_pro_monthly", t + 86400, true, t - 10)
                .then()
                .statusCode(200);
        deliver(event(
                        id("evt_"),
                        "customer.subscription.deleted",
                        subscription(l.subscription(), l.customer(), "canceled", "price_pro_monthly", t, false, null),
                        t))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        mySubscription(l.user())
                .body("tier", equalTo("FREE"))
                .body("status", equalTo("CANCELED"))
                .body("entitlements.maxDevices", equalTo(1));
        assertThat(published(l.user(), 2))
                .extracting(p -> p.data().getString("tier") + " " + p.data().getInteger("maxSubscriptions"))
                .containsExactly("PRO 10", "FREE 1");
    }

    @Test
    void eventsOfUnknownCustomersChargesAndTypesAreRecordedAndIgnored() {
        String unknown = id("evt_");
        deliver(event(unknown, "invoice.paid", invoice(id("in_"), id("cus_"), 2900, "usd", id("ch_")), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        String unseenCharge = id("evt_");
        String refundId = id("re_");
        // a refund of a charge not (yet) seen paid is kept until its invoice.paid, not announced
        deliver(event(unseenCharge, "charge.refunded", charge(id("ch_"), refund(refundId, 100)), now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("deferred"));
        assertThat(rows("stripe_events", "event_id = '" + unseenCharge + "' AND outcome = 'DEFERRED'"))
                .isEqualTo(1);
        assertThat(rows("pending_give_backs", "give_back_id = '" + refundId + "'"))
                .isEqualTo(1);
        String other = id("evt_");
        deliver(event(
                        other,
                        "customer.created",
                        new JsonObject().put("id", id("cus_")).put("object", "customer"),
                        now()))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored"));
        for (String e : List.of(unknown, other)) {
            assertThat(rows("stripe_events", "event_id = '" + e + "' AND outcome = 'IGNORED'"))
                    .isEqualTo(1);
        }
        assertThat(rows("payment_refunds", "refund_id = '" + refundId + "'")).isZero();
    }

    @Test
    void aBadMissingOrStaleSignatureIsRefusedAndNothingIsWritten() {
        Linked l = linked();
        String evt = id("evt_");
        String payload = event(evt, "invoice.paid", invoice(id("in_"), l.customer(), 2900, "usd", id("ch_")), now());
        deliver(payload, StripeWebhooks.signature(payload, "whsec_someone_else", now()))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-signature"));
        deliver(
                        payload.replace("2900", "290000"),
                        StripeWebhooks.signature(payload, FakeStripeResource.WEBHOOK_SECRET, now()))
                .then()
                .statusCode(400)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-signature"));
        deliver(payload, null)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-signature"));

        // signed now, received 301 s later by the service's clock: outside Stripe's 300 s tolerance
        long signedAt = now();
        QuarkusMock.installMockForType(
                Clock.fixed(Instant.ofEpochSecond(signedAt + 301), ZoneOffset.UTC),
                Clock.class,
                NamedLiteral.of(BillingClock.NAME));
        deliver(payload, StripeWebhooks.signature(payload, FakeStripeResource.WEBHOOK_SECRET, signedAt))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-signature"));
        // and 299 s later it is still fresh
        QuarkusMock.installMockForType(
                Clock.fixed(Instant.ofEpochSecond(signedAt + 299), ZoneOffset.UTC),
                Clock.class,
                NamedLiteral.of(BillingClock.NAME));
        assertThat(rows("stripe_events", "event_id = '" + evt + "'")).isZero();
        assertThat(rows("payments", "user_id = '" + l.user() + "'")).isZero();
        deliver(payload, StripeWebhooks.signature(payload, FakeStripeResource.WEBHOOK_SECRET, signedAt))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("applied"));
        assertThat(rows("payments", "user_id = '" + l.user() + "'")).isEqualTo(1);
    }

    @Test
    void negativeFractionalOrMistypedAmountsAndMalformedObjectsAreRefusedAndNothingIsWritten() {
        Linked l = linked();
        List<Object> bad = List.of(-2900, 2900.5, "2900", 1e30);
        for (Object amount : bad) {
            String evt = id("evt_");
            deliver(event(evt, "invoice.paid", invoice(id("in_"), l.customer(), amount, "usd", id("ch_")), now()))
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/stripe-event-malformed"));
            assertThat(rows("stripe_events", "event_id = '" + evt + "'")).isZero();
        }
        String chargeId = id("ch_");
        deliver(event(id("evt_"), "invoice.paid", invoice(id("in_"), l.customer(), 2900, "usd", chargeId), now()))
                .then()
                .statusCode(200);
        String negRefund = id("evt_");
        deliver(event(negRefund, "charge.refunded", charge(chargeId, refund(id("re_"), -100)), now()))
                .then()
                .statusCode(400)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-event-malformed"));
        String badCurrency = id("evt_");
        deliver(event(
                        badCurrency,
                        "invoice.paid",
                        invoice(id("in_"), l.customer(), 100, "us dollars", id("ch_")),
                        now()))
                .then()
                .statusCode(400);
        // Stripe counts ISK in hundredths although ISO 4217 gives it no minor unit: 50000 would be read
        // as 50000 ISK where Stripe means 500; a currency whose units we would misread is refused
        for (String misread : List.of("isk", "xau")) {
            String evt = id("evt_");
            deliver(event(evt, "invoice.paid", invoice(id("in_"), l.customer(), 50000, misread, id("ch_")), now()))
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("https://signaldesk.io/problems/stripe-event-malformed"));
            assertThat(rows("stripe_events", "event_id = '" + evt + "'")).isZero();
        }
        assertThat(rows("payments", "user_id = '" + l.user() + "' AND currency IN ('ISK', 'XAU')"))
                .isZero();
        String noObject = id("evt_");
        deliver(StripeWebhooks.event(noObject, "invoice.paid", "\"in_1\"", now()))
                .then()
                .statusCode(400)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-event-malformed"));
        String noPeriod = id("evt_");
        JsonObject sub = subscription(l.subscription(), l.customer(), "active", "price_pro_monthly", 0, false, null);
        sub.remove("items");
        deliver(event(noPeriod, "customer.subscription.updated", sub, now()))
                .then()
                .statusCode(400)
                .body("type", equalTo("https://signaldesk.io/problems/stripe-event-malformed"));
        String badStatus = id("evt_");
        deliver(event(
                        badStatus,
                        "customer.subscription.updated",
                        subscription(l.subscription(), l.customer(), "bogus", "price_pro_monthly", now(), false, null),
                        now()))
                .then()
                .statusCode(400);
        assertThat(text("SELECT tier || ' ' || status FROM payout.billing_accounts WHERE user_id = '" + l.user() + "'"))
                .isEqualTo("FREE NONE");
        for (String e : List.of(negRefund, badCurrency, noObject, noPeriod, badStatus)) {
            assertThat(rows("stripe_events", "event_id = '" + e + "'")).isZero();
        }
        assertThat(rows(
                        "payment_refunds",
                        "invoice_id IN (SELECT invoice_id FROM payout.payments WHERE charge_id = '" + chargeId + "')"))
                .isZero();
        assertThat(rows("payments", "user_id = '" + l.user() + "'")).isEqualTo(1);
        assertThat(published(l.user(), 1)).hasSize(1);
    }

    @Test
    void outcomesAreCountedPerTypeOnTheManagementPort() {
        Linked l = linked();
        String payload =
                event(id("evt_"), "invoice.paid", invoice(id("in_"), l.customer(), 2900, "usd", id("ch_")), now());
        deliver(payload).then().statusCode(200);
        deliver(payload).then().statusCode(200);
        String metrics = given().baseUri(ManagementPort.url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains("signaldesk_billing_webhook_events_total{outcome=\"applied\",type=\"invoice.paid\"}")
                .contains("signaldesk_billing_webhook_events_total{outcome=\"duplicate\",type=\"invoice.paid\"}")
                .contains(
                        "signaldesk_billing_webhook_events_total{outcome=\"applied\",type=\"checkout.session.completed\"}");
    }
}
