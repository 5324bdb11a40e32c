package io.signaldesk.platform.persistence;

import io.quarkus.arc.ClientProxy;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Hibernate's query plan cache and the native selects it cannot cache. Every native select
 * (with a result class or without) is cached under a key holding its result mapping, which the
 * first execution then fills in, so the next call's fresh mapping never equals it: each call adds
 * a plan, all with one hash, until the bounded cache is full of copies of one query and every
 * lookup walks them (a tenth of reconciliation-service's CPU with 2,000 terminals). Hibernate does
 * not cache a native query with a list-valued parameter at all; {@link #notCached} binds one value
 * as such a list (the SQL is the same). The tests of the hot paths read {@link #cached}.
 */
public final class QueryPlans {
    private QueryPlans() {}

    /**
     * {@code value} as a one-element list: bound to a parameter of a native select, Hibernate expands
     * it to the same single placeholder and plans the query afresh instead of adding a plan per call.
     */
    public static List<Object> notCached(Object value) {
        return List.of(value);
    }

    public static int cached(Mutiny.SessionFactory sessionFactory) {
        try {
            return interpretations(sessionFactory).getNumberOfCachedQueryPlans();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Hibernate's query plan cache", e);
        }
    }

    /** The cached plans' query strings with how often each is held, most first (for a test's failure message). */
    public static String describe(Mutiny.SessionFactory sessionFactory) {
        try {
            Object cache = interpretations(sessionFactory);
            var pc = cache.getClass().getDeclaredField("queryPlanCache");
            pc.setAccessible(true);
            Object internal = pc.get(cache);
            var cf = internal.getClass().getDeclaredField("cache");
            cf.setAccessible(true);
            var map = ((com.github.benmanes.caffeine.cache.Cache<?, ?>) cf.get(internal)).asMap();
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            for (Object k : map.keySet()) {
                String q = k instanceof QueryInterpretationCache.Key key ? key.getQueryString() : k.toString();
                counts.merge(k.getClass().getSimpleName() + ": " + q, 1L, Long::sum);
            }
            StringBuilder sb = new StringBuilder();
            counts.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(15)
                    .forEach(e -> sb.append(e.getValue())
                            .append(" x ")
                            .append(e.getKey())
                            .append('\n'));
            return sb.toString();
        } catch (ReflectiveOperationException e) {
            return "cannot read Hibernate's query plan cache: " + e;
        }
    }

    private static QueryInterpretationCache interpretations(Mutiny.SessionFactory sessionFactory)
            throws ReflectiveOperationException {
        Object impl = ClientProxy.unwrap(sessionFactory); // Hibernate Reactive's MutinySessionFactoryImpl
        var f = impl.getClass().getDeclaredField("delegate");
        f.setAccessible(true);
        return ((SessionFactoryImplementor) f.get(impl)).getQueryEngine().getInterpretationCache();
    }
}
