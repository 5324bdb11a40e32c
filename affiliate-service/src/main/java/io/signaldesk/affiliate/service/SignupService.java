package io.signaldesk.affiliate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.affiliate.Referral;
import io.signaldesk.affiliate.Signup;
import io.signaldesk.affiliate.repository.AffiliateRepository;
import io.signaldesk.affiliate.repository.ReferralRepository;
import io.signaldesk.affiliate.repository.SignupRepository;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Signups with their referral code and fingerprint, from users.v1, and the referrals they make. */
@ApplicationScoped
public class SignupService {
    private static final Logger LOG = Logger.getLogger(SignupService.class);

    private final SignupRepository signups;
    private final AffiliateRepository affiliates;
    private final ReferralRepository referrals;
    private final MeterRegistry metrics;

    public SignupService(
            SignupRepository signups,
            AffiliateRepository affiliates,
            ReferralRepository referrals,
            MeterRegistry metrics) {
        this.signups = signups;
        this.affiliates = affiliates;
        this.referrals = referrals;
        this.metrics = metrics;
    }

    /** In the inbox transaction of the users.v1 consumer (applied once per event). */
    public Uni<Void> registered(UserRegistered e) {
        Signup s = new Signup();
        s.userId = e.userId();
        s.referralCode = e.referralCode();
        s.signupFingerprint = e.signupFingerprint();
        s.ipHash = e.ipHash();
        s.registeredAt = e.registeredAt();
        return signups.persist(s).chain(() -> refer(e)).replaceWithVoid();
    }

    private Uni<Void> refer(UserRegistered e) {
        if (e.referralCode() == null || !Affiliates.wellFormed(e.referralCode())) {
            if (e.referralCode() != null) {
                outcome("unknown-code");
            }
            return Uni.createFrom().voidItem();
        }
        return affiliates.byCode(e.referralCode()).chain(a -> {
            if (a == null) {
                outcome("unknown-code");
                return Uni.createFrom().voidItem();
            }
            if (a.userId.equals(e.userId())) {
                outcome("own-code");
                LOG.info("a signup used its own referral code: no referral");
                return Uni.createFrom().voidItem();
            }
            Referral r = new Referral();
            r.referredUserId = e.userId();
            r.affiliateId = a.userId;
            r.signupFingerprint = e.signupFingerprint();
            r.ipHash = e.ipHash();
            r.referredAt = e.registeredAt();
            outcome("referred");
            return referrals.persist(r).replaceWithVoid();
        });
    }

    private void outcome(String outcome) {
        metrics.counter("signaldesk.affiliate.signups", "outcome", outcome).increment();
    }

    /** The newest 500 signups of a referral code. */
    public Uni<List<Signup>> ofCode(String code) {
        return Panache.withSession(() -> signups.newestOfCode(code, 500));
    }
}
