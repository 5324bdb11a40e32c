package io.signaldesk.affiliate;

import static io.restassured.RestAssured.given;
import static io.signaldesk.affiliate.AffiliateFixture.*;
import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.localstack.TestSql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger's invariants in the database after a history with tiers, the commission window, partial
 * and full refunds, duplicates, a release, a paid and a failed payout, and a refund-rate hold.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class LedgerDbTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    static void awaitCount(String sql, long n) {
        await().atMost(WAIT).until(() -> count(sql) == n);
    }

    @Test
    void aLongHistoryLeavesTheLedgerBalancedAndWithinItsRules() throws Exception {
        UUID aff = UUID.randomUUID();
        String code = enroll(aff);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            UUID u = UUID.randomUUID();
            users.add(u);
            registered(u, code, hex((char) ('a' + i % 6)) + i, hex('0') + i);
        }
        awaitCount("SELECT count(*) FROM affiliate.referrals WHERE affiliate_id = '" + aff + "'", 11);

        // nine paying referrals at 20%, the tenth reaches the 25% tier
        UUID big1 = UUID.randomUUID();
        paid(big1, users.get(0), "100.00", null);
        awaitCount("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + big1 + "'", 1);
        for (int i = 1; i < 9; i++) {
            paid(UUID.randomUUID(), users.get(i), "10.00", null);
        }
        awaitCount("SELECT count(*) FROM affiliate.commissions WHERE affiliate_id = '" + aff + "'", 9);
        UUID big10 = UUID.randomUUID();
        paid(big10, users.get(9), "100.00", null);
        awaitCount("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + big10 + "'", 1);
        assertThat(text("SELECT amount::text || ' ' || rate::text FROM affiliate.commissions WHERE payment_id = '"
                        + big10 + "'"))
                .isEqualTo("25.0000 0.250000");
        assertThat(text("SELECT amount::text FROM affiliate.commissions WHERE payment_id = '" + big1 + "'"))
                .isEqualTo("20.0000");

        // a payment 13 months after the first of that user earns nothing
        UUID late = UUID.randomUUID();
        send(
                "billing.v1",
                users.get(0).toString(),
                "PaymentSucceeded",
                UUID.randomUUID().toString(),
                paymentSucceeded(
                        late,
                        users.get(0),
                        "100.00",
                        "USD",
                        null,
                        Instant.now().atZone(ZoneOffset.UTC).plusMonths(13).toInstant()));

        // a partial refund while pending (25% of 100.00 claws back 5.00), replayed under another event id
        String partial = refund(big1, users.get(0), "re_p1", "25.00");
        send(
                "billing.v1",
                users.get(0).toString(),
                "PaymentRefunded",
                UUID.randomUUID().toString(),
                partial);
        send(
                "billing.v1",
                users.get(0).toString(),
                "PaymentRefunded",
                UUID.randomUUID().toString(),
                partial);
        await().atMost(WAIT)
                .until(() -> "5.0000"
                        .equals(text("SELECT clawed_back::text FROM affiliate.commissions WHERE payment_id = '" + big1
                                + "'")));
        assertThat(count("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + late + "'"))
                .isZero();
        assertThat(balance(aff, "PENDING")).isEqualTo("56.0000"); // 15 + 8 x 2 + 25

        clock.advance(Duration.ofDays(31));
        awaitCount(
                "SELECT count(*) FROM affiliate.commissions WHERE affiliate_id = '" + aff + "' AND status = 'RELEASED'",
                10);
        assertThat(balance(aff, "AVAILABLE")).isEqualTo("56.0000");

        UUID payout = UUID.randomUUID();
        send(
                "payouts.v1",
                aff.toString(),
                "PayoutPaid",
                UUID.randomUUID().toString(),
                payoutPaid(payout, aff, "50.00"));
        send(
                "payouts.v1",
                aff.toString(),
                "PayoutPaid",
                UUID.randomUUID().toString(),
                payoutPaid(payout, aff, "50.00"));
        UUID failed = UUID.randomUUID();
        send(
                "payouts.v1",
                aff.toString(),
                "PayoutFailed",
                UUID.randomUUID().toString(),
                payoutFailed(failed, aff, "6.00"));
        awaitCount("SELECT count(*) FROM affiliate.payout_outcomes WHERE affiliate_id = '" + aff + "'", 2);
        assertThat(balance(aff, "PAID")).isEqualTo("50.0000");
        assertThat(balance(aff, "AVAILABLE")).isEqualTo("6.0000");

        // a full refund of the 25.00 commission: 6.00 from available, 19.00 owed back
        send(
                "billing.v1",
                users.get(9).toString(),
                "PaymentRefunded",
                UUID.randomUUID().toString(),
                refund(big10, users.get(9), "re_full", "100.00"));
        await().atMost(WAIT).until(() -> "19.0000".equals(balance(aff, "CLAWBACK")));
        assertThat(balance(aff, "AVAILABLE")).isEqualTo("0.0000");

        // two more refunded payments: 4 of 10 commissioned payments refunded (> 30%) holds the next one
        for (int i = 1; i < 3; i++) {
            UUID pay = UUID.fromString(text("SELECT payment_id::text FROM affiliate.commissions WHERE referred_user_id"
                    + " = '" + users.get(i) + "'"));
            send(
                    "billing.v1",
                    users.get(i).toString(),
                    "PaymentRefunded",
                    UUID.randomUUID().toString(),
                    refund(pay, users.get(i), "re_x" + i, "10.00"));
        }
        await().atMost(WAIT).until(() -> "23.0000".equals(balance(aff, "CLAWBACK")));
        UUID next = UUID.randomUUID();
        paid(next, users.get(10), "10.00", null);
        awaitCount("SELECT count(*) FROM affiliate.commissions WHERE payment_id = '" + next + "'", 1);
        assertThat(text("SELECT c.status || ' ' || f.kind FROM affiliate.commissions c JOIN affiliate.fraud_cases f "
                        + "ON f.id = c.fraud_case_id WHERE c.payment_id = '" + next + "'"))
                .isEqualTo("ON_HOLD REFUND_RATE");

        // the invariants, in SQL
        assertThat(text("SELECT (sum(amount) FILTER (WHERE side = 'DEBIT') = sum(amount) FILTER (WHERE side = "
                        + "'CREDIT'))::text FROM affiliate.postings"))
                .isEqualTo("true");
        assertThat(count("SELECT count(*) FROM affiliate.ledger_accounts WHERE kind <> 'EXPENSE' AND balance < 0"))
                .isZero();
        assertThat(count("SELECT count(*) FROM affiliate.commissions WHERE clawed_back > amount"))
                .isZero();
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE cause = 'payout:" + payout + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM affiliate.journal_entries WHERE cause = 'payout:" + failed + "'"))
                .isZero();
        // accrued less clawed back = pending + payable + paid
        assertThat(text("SELECT (sum(amount - clawed_back))::text FROM affiliate.commissions WHERE affiliate_id = '"
                        + aff + "'"))
                // 15 + 8 x 2 - 2 - 2 + 2.00 (the held one: three of the ten fully refunded, 7 + 1 in good
                // standing is the 20% tier); the 25.00 fully back
                .isEqualTo("29.0000");
        assertThat(balance(aff, "PENDING")).isEqualTo("2.0000");
        given().auth()
                .oauth2(token(UUID.randomUUID(), "admin"))
                .get("/api/v1/affiliates/ledger/check")
                .then()
                .statusCode(200)
                .body("consistent", equalTo(true))
                .body("mismatchedAccounts.size()", equalTo(0));
    }
}
