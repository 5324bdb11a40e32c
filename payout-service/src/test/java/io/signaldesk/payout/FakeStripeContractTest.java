package io.signaldesk.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import io.signaldesk.localstack.FakeStripe;
import io.signaldesk.localstack.StripeWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake Stripe answers stripe-java as Stripe does: objects parse, idempotency keys replay, signatures verify. */
class FakeStripeContractTest {
    static FakeStripe stripe;
    static StripeClient client;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.start();
        client = StripeClient.builder()
                .setApiKey("sk_test_x")
                .setApiBase(stripe.baseUrl())
                .setConnectBase(stripe.baseUrl())
                .setMaxNetworkRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    @Test
    void aTransferPostedTwiceWithOneIdempotencyKeyIsCreatedOnce() throws Exception {
        Account acct = client.accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .build());
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(1234L)
                .setCurrency("usd")
                .setDestination(acct.getId())
                .setTransferGroup("payout-1")
                .build();
        RequestOptions key =
                RequestOptions.builder().setIdempotencyKey("payout-1").build();
        Transfer first = client.transfers().create(params, key);
        Transfer again = client.transfers().create(params, key);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(first.getAmount()).isEqualTo(1234L);
        assertThat(stripe.transfers()).hasSize(1);
        assertThat(stripe.transferRequests("payout-1")).isEqualTo(2);
        assertThat(client.transfers()
                        .list(TransferListParams.builder()
                                .setTransferGroup("payout-1")
                                .build())
                        .getData())
                .extracting(Transfer::getId)
                .containsExactly(first.getId());

        TransferCreateParams other = TransferCreateParams.builder()
                .setAmount(99L)
                .setCurrency("usd")
                .setDestination(acct.getId())
                .build();
        assertThatThrownBy(() -> client.transfers().create(other, key)).isInstanceOf(IdempotencyException.class);
    }

    @Test
    void aSignedEventVerifiesWithStripeJavaAndATamperedOneDoesNot() throws Exception {
        String payload = StripeWebhooks.event("evt_1", "invoice.paid", "{\"id\":\"in_1\",\"object\":\"invoice\"}", 1);
        long now = System.currentTimeMillis() / 1000;
        Event e = Webhook.constructEvent(payload, StripeWebhooks.signature(payload, "whsec_x", now), "whsec_x", 300);
        assertThat(e.getId()).isEqualTo("evt_1");
        assertThat(e.getDataObjectDeserializer().getObject()).isPresent();
        assertThatThrownBy(() -> Webhook.constructEvent(
                        payload.replace("in_1", "in_2"),
                        StripeWebhooks.signature(payload, "whsec_x", now),
                        "whsec_x",
                        300))
                .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
    }
}
