package io.signaldesk.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.platform.persistence.QueryPlans;
import io.signaldesk.reconciliation.ReconciliationFixture.Terminal;
import jakarta.inject.Inject;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Every terminal's snapshots and fills pass through here: applying one must not leave a query plan
 * behind (see {@link QueryPlans}). With 2,000 terminals, plan lookups walking copies of the same
 * queries were a tenth of this service's CPU.
 */
@QuarkusTest
@TestProfile(ReconciliationFixture.RedisBehindProxy.class)
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class QueryPlanCacheTest {
    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void snapshotsAndFillsDoNotAddAQueryPlanEach() throws Exception {
        Terminal term = Terminal.create();
        Instant start = Instant.now().minusSeconds(600);
        term.fill("OPEN", 7001, "0.10", "1.08400", start);
        term.snapshot(
                "10000.00",
                "10010.00",
                start.plusSeconds(1),
                ReconciliationFixture.position(7001, "0.10", "1.08400", "10"));
        int before = QueryPlans.cached(sessionFactory);
        for (int i = 0; i < 20; i++) {
            term.snapshot(
                    "10000.00",
                    "100" + (10 + i) + ".00",
                    start.plusSeconds(2 + i),
                    ReconciliationFixture.position(7001, "0.10", "1.08400", Integer.toString(10 + i)));
        }
        term.fill("CLOSE", 7001, "0.10", "1.08500", start.plusSeconds(30));
        term.fill("OPEN", 7002, "0.10", "1.08400", start.plusSeconds(31));
        assertThat(QueryPlans.cached(sessionFactory) - before)
                .as(
                        "query plans added by 20 more snapshots and two fills of one terminal; held now:%n%s",
                        QueryPlans.describe(sessionFactory))
                .isLessThan(8);
    }

    /** Reports of every size (the batch's lists are bound as parameters) add no plan per size. */
    @Test
    void terminalsSeenReportsOfEverySizeDoNotAddAQueryPlanEach() throws Exception {
        Instant taken = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        java.util.List<Terminal> terms = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Terminal t = Terminal.create();
            t.snapshot("10000.00", "10000.00", taken);
            terms.add(t);
        }
        ReconciliationFixture.seenAll(terms.subList(0, 1), taken, taken.plusSeconds(1));
        int before = QueryPlans.cached(sessionFactory);
        for (int k = 2; k <= terms.size(); k++) {
            ReconciliationFixture.seenAll(terms.subList(0, k), taken, taken.plusSeconds(k));
        }
        assertThat(QueryPlans.cached(sessionFactory) - before)
                .as(
                        "query plans added by 11 reports of 2 to 12 terminals; held now:%n%s",
                        QueryPlans.describe(sessionFactory))
                .isLessThan(5);
    }
}
