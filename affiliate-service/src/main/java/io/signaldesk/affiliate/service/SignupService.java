package io.signaldesk.affiliate.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.affiliate.Signup;
import io.signaldesk.affiliate.repository.SignupRepository;
import io.signaldesk.platform.events.UserEvents.UserRegistered;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Signups with their referral code and fingerprint, from users.v1. */
@ApplicationScoped
public class SignupService {
    private final SignupRepository signups;

    public SignupService(SignupRepository signups) {
        this.signups = signups;
    }

    /** In the inbox transaction of the users.v1 consumer (applied once per event). */
    public Uni<Void> registered(UserRegistered e) {
        Signup s = new Signup();
        s.userId = e.userId();
        s.referralCode = e.referralCode();
        s.signupFingerprint = e.signupFingerprint();
        s.ipHash = e.ipHash();
        s.registeredAt = e.registeredAt();
        return signups.persist(s).replaceWithVoid();
    }

    /** The newest 500 signups of a referral code. */
    public Uni<List<Signup>> ofCode(String code) {
        return Panache.withSession(() -> signups.newestOfCode(code, 500));
    }
}
