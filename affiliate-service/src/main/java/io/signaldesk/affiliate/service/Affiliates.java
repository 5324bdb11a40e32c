package io.signaldesk.affiliate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.affiliate.Affiliate;
import io.signaldesk.affiliate.Click;
import io.signaldesk.affiliate.config.AffiliateConfig;
import io.signaldesk.affiliate.repository.AffiliateRepository;
import io.signaldesk.affiliate.repository.ClickRepository;
import io.signaldesk.platform.hmac.Hmac;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/** Enrolment (one affiliate and one code per user) and link clicks. */
@ApplicationScoped
public class Affiliates {
    /** No 0/O, 1/I/L: a code read aloud or copied by hand is not mistaken. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    static final int LENGTH = 10;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AffiliateRepository affiliates;
    private final ClickRepository clicks;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public Affiliates(
            AffiliateRepository affiliates,
            ClickRepository clicks,
            AffiliateConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.affiliates = affiliates;
        this.clicks = clicks;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    public static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static String newCode() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public record Enrolment(Affiliate affiliate, boolean created) {}

    /** Makes the user an affiliate; a second call answers the same affiliate. */
    public Uni<Enrolment> enroll(UUID userId) {
        return Panache.withTransaction(() -> enroll(userId, 3));
    }

    private Uni<Enrolment> enroll(UUID userId, int attempts) {
        return affiliates.findById(userId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Enrolment(existing, false));
            }
            if (attempts == 0) {
                return Uni.createFrom().failure(new IllegalStateException("no free referral code found"));
            }
            return affiliates
                    .insertIfAbsent(userId, newCode(), clock.instant())
                    .chain(n -> n == 1
                            ? affiliates.findById(userId).map(a -> new Enrolment(a, true))
                            : enroll(userId, attempts - 1));
        });
    }

    public Uni<Affiliate> of(UUID userId) {
        return Panache.withSession(() -> affiliates.findById(userId))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("You are not an affiliate yet: POST /api/v1/affiliates"));
    }

    public String link(Affiliate a) {
        return config.linkBase() + a.referralCode;
    }

    /**
     * Records a click on a well-formed code of an existing affiliate.
     *
     * @return whether it was one (only then does the visitor get the attribution cookie)
     */
    public Uni<Boolean> click(String code, String ip, String userAgent) {
        if (!wellFormed(code)) {
            metrics.counter("signaldesk.affiliate.clicks", "outcome", "malformed")
                    .increment();
            return Uni.createFrom().item(false);
        }
        return Panache.withTransaction(() -> affiliates.byCode(code).chain(a -> {
            if (a == null) {
                metrics.counter("signaldesk.affiliate.clicks", "outcome", "unknown")
                        .increment();
                return Uni.createFrom().item(false);
            }
            Click c = new Click();
            c.id = UUID.randomUUID();
            c.affiliateId = a.userId;
            c.ipHash = Hmac.sign(config.pepper(), "ip:" + ip);
            c.uaHash = Hmac.sign(config.pepper(), "ua:" + (userAgent == null ? "" : userAgent));
            c.clickedAt = clock.instant();
            metrics.counter("signaldesk.affiliate.clicks", "outcome", "recorded")
                    .increment();
            return clicks.persist(c).replaceWith(true);
        }));
    }
}
