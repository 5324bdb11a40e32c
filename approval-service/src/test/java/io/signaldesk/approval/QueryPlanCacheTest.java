package io.signaldesk.approval;

import static io.signaldesk.approval.PipelineFixture.device;
import static io.signaldesk.localstack.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.persistence.QueryPlans;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Hibernate keeps one plan per distinct query in a bounded cache. A native select whose result
 * mapping never equals the previous call's (Hibernate Reactive's native queries with a result class)
 * adds an entry on every call, all with the same hash: the cache fills with copies of one query
 * and every later put walks them (29 % of approval-service's CPU with 2,000 polling terminals).
 * The EA poll is the hottest query there is; polling must not grow the cache.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class QueryPlanCacheTest {
    @Inject
    Mutiny.SessionFactory sessionFactory;

    int cachedPlans() {
        return QueryPlans.cached(sessionFactory);
    }

    @Test
    void pollingDoesNotAddAQueryPlanPerPoll() throws Exception {
        var ea = device(UUID.randomUUID()).client();
        ea.poll(0); // the first poll's plans
        int before = cachedPlans();
        for (int i = 0; i < 40; i++) {
            assertThat(ea.poll(0).status()).isEqualTo(200);
        }
        assertThat(cachedPlans() - before)
                .as(
                        "query plans added by 40 more polls of one device; held now:%n%s",
                        QueryPlans.describe(sessionFactory))
                .isLessThan(5);
    }

    @Test
    void aFanOutDoesNotAddAQueryPlanPerSignal() throws Exception {
        UUID strategy = PipelineFixture.strategy();
        for (int i = 0; i < 3; i++) {
            UUID user = UUID.randomUUID();
            device(user);
            PipelineFixture.subscribe(user, strategy, ",\"autoApprove\":true,\"autoApproveMaxVolume\":\"0.50\"");
        }
        signal(strategy); // the first fan-out's plans
        int before = cachedPlans();
        for (int i = 0; i < 20; i++) {
            signal(strategy);
        }
        assertThat(cachedPlans() - before)
                .as(
                        "query plans added by 20 more fan-outs to three auto-approving traders; held now:%n%s",
                        QueryPlans.describe(sessionFactory))
                .isLessThan(5);
    }

    private static void signal(UUID strategy) throws Exception {
        UUID signal = UUID.randomUUID();
        PipelineFixture.send(PipelineFixture.signalEvent(
                UUID.randomUUID().toString(), signal, strategy, Instant.now().plusSeconds(600)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM approval.commands c JOIN approval.approvals a "
                                + "ON a.id = c.approval_id WHERE a.signal_id = '" + signal + "'")
                        == 3);
    }
}
