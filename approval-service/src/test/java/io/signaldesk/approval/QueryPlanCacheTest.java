package io.signaldesk.approval;

import static io.signaldesk.approval.PipelineFixture.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.internal.SessionFactoryImpl;
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

    int cachedPlans() throws Exception {
        Object impl = ClientProxy.unwrap(sessionFactory); // Hibernate Reactive's MutinySessionFactoryImpl
        var f = impl.getClass().getDeclaredField("delegate");
        f.setAccessible(true);
        return ((SessionFactoryImpl) f.get(impl))
                .getQueryEngine()
                .getInterpretationCache()
                .getNumberOfCachedQueryPlans();
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
                .as("query plans added by 40 more polls of one device")
                .isLessThan(5);
    }
}
