package io.signaldesk.affiliate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.affiliate.Commission;
import io.signaldesk.affiliate.FraudCase;
import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.affiliate.Referral;
import io.signaldesk.affiliate.config.AffiliateConfig;
import io.signaldesk.affiliate.repository.CommissionRepository;
import io.signaldesk.affiliate.repository.FraudCaseRepository;
import io.signaldesk.affiliate.repository.ReferralRepository;
import io.signaldesk.affiliate.repository.SignupRepository;
import io.signaldesk.platform.events.TradeEvents.FillAction;
import io.signaldesk.platform.events.TradeEvents.FillReported;
import io.signaldesk.platform.messaging.PoisonEventException;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Fraud checks that hold commissions for an admin's review: self-referral (signup fingerprint or IP
 * hash of the affiliate's own signup, or a card the affiliate paid with), wash trades between two of
 * an affiliate's referred accounts (fills.v1), and a refund rate over the threshold. Resolving a case
 * continues (APPROVE) or reverses (REJECT) its held commissions; the case row is the audit record.
 */
@ApplicationScoped
public class FraudCases {
    public enum Decision {
        APPROVE,
        REJECT
    }

    private final FraudCaseRepository cases;
    private final CommissionRepository commissions;
    private final ReferralRepository referrals;
    private final SignupRepository signups;
    private final EarningsLedger ledger;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public FraudCases(
            FraudCaseRepository cases,
            CommissionRepository commissions,
            ReferralRepository referrals,
            SignupRepository signups,
            EarningsLedger ledger,
            AffiliateConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.cases = cases;
        this.commissions = commissions;
        this.referrals = referrals;
        this.signups = signups;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The case a new commission of this referral is held in, or null (not held). */
    Uni<UUID> holdFor(Referral ref, String paymentFingerprint) {
        return cases.openAbout(ref.referredUserId).chain(open -> {
            if (open != null) {
                return Uni.createFrom().item(open.id);
            }
            return selfReferral(ref, paymentFingerprint).chain(self -> {
                if (self != null) {
                    return caseFor(ref.affiliateId, FraudCase.Kind.SELF_REFERRAL, self, List.of(ref.referredUserId));
                }
                return commissions.refundStats(ref.affiliateId).chain(stats -> {
                    long total = stats[0];
                    long refunded = stats[1];
                    boolean over = total >= config.refundRateMinPayments()
                            && BigDecimal.valueOf(refunded)
                                            .divide(BigDecimal.valueOf(total), 6, RoundingMode.DOWN)
                                            .compareTo(config.refundRateThreshold())
                                    > 0;
                    return over
                            ? caseFor(
                                    ref.affiliateId,
                                    FraudCase.Kind.REFUND_RATE,
                                    refunded + " of " + total + " referred payments refunded",
                                    List.of(ref.referredUserId))
                            : Uni.createFrom().nullItem();
                });
            });
        });
    }

    /** Why this referral looks like the affiliate referring themself, or null. */
    private Uni<String> selfReferral(Referral ref, String paymentFingerprint) {
        return signups.findById(ref.affiliateId).chain(own -> {
            if (own != null && own.signupFingerprint.equals(ref.signupFingerprint)) {
                return Uni.createFrom().item("same signup fingerprint as the affiliate");
            }
            if (own != null && own.ipHash.equals(ref.ipHash)) {
                return Uni.createFrom().item("same signup network as the affiliate");
            }
            if (paymentFingerprint == null || paymentFingerprint.isBlank()) {
                return Uni.createFrom().nullItem();
            }
            return referrals
                    .paidWith(ref.affiliateId, paymentFingerprint)
                    .map(same -> same ? "same payment card as the affiliate" : null);
        });
    }

    /** A new OPEN case, unless an admin already approved this kind for the user (then null: not held). */
    private Uni<UUID> caseFor(UUID affiliateId, FraudCase.Kind kind, String detail, List<UUID> users) {
        return cases.newestAbout(users.get(0), kind).chain(prev -> {
            if (prev != null && prev.status == FraudCase.Status.APPROVED) {
                return Uni.createFrom().nullItem();
            }
            return open(affiliateId, kind, detail, users).map(c -> c.id);
        });
    }

    private Uni<FraudCase> open(UUID affiliateId, FraudCase.Kind kind, String detail, List<UUID> users) {
        FraudCase c = new FraudCase();
        c.id = UUID.randomUUID();
        c.affiliateId = affiliateId;
        c.kind = kind;
        c.status = FraudCase.Status.OPEN;
        c.detail = detail;
        c.createdAt = clock.instant();
        metrics.counter("signaldesk.affiliate.fraud.cases", "kind", kind.name()).increment();
        Uni<?> chain = cases.persist(c).chain(() -> Panache.getSession().chain(s -> s.flush()));
        for (UUID u : users) {
            chain = chain.chain(() -> cases.addUser(c.id, u));
        }
        return chain.replaceWith(c);
    }

    /** fills.v1: an OPEN fill of a referred user, matched against opposite opens of the affiliate's others. */
    public Uni<Void> filled(FillReported f) {
        if (f.action() != FillAction.OPEN || f.instrument() == null || f.side() == null) {
            return Uni.createFrom().voidItem();
        }
        if (f.volume().signum() <= 0) {
            throw new PoisonEventException("a fill volume must be positive, was " + f.volume(), null);
        }
        return referrals.findById(f.userId()).chain(ref -> {
            if (ref == null) {
                return Uni.createFrom().voidItem();
            }
            return cases.recordFill(
                            f.fillId(),
                            f.userId(),
                            ref.affiliateId,
                            f.instrument(),
                            f.side(),
                            f.volume(),
                            f.executedAt())
                    .chain(isNew -> isNew
                            ? cases.oppositeOpen(
                                    ref.affiliateId,
                                    f.userId(),
                                    f.instrument(),
                                    f.side(),
                                    f.volume(),
                                    f.executedAt(),
                                    config.washWindow(),
                                    config.washVolumeTolerance())
                            : Uni.createFrom().nullItem())
                    .chain(other -> other == null ? Uni.createFrom().voidItem() : washTrade(ref, other, f));
        });
    }

    private Uni<Void> washTrade(Referral ref, UUID other, FillReported f) {
        List<UUID> pair = List.of(ref.referredUserId, other);
        return open(
                        ref.affiliateId,
                        FraudCase.Kind.WASH_TRADE,
                        "opposite " + f.instrument() + " opens of two referred accounts",
                        pair)
                .chain(c -> commissions
                        .lockPendingOf(pair)
                        .invoke(list -> list.forEach(cm -> {
                            cm.status = Commission.Status.ON_HOLD;
                            cm.fraudCaseId = c.id;
                        })))
                .replaceWithVoid();
    }

    public Uni<List<FraudCase>> list(FraudCase.Status status) {
        return Panache.withSession(() -> cases.newest(status, 200));
    }

    public Uni<List<UUID>> usersOf(UUID caseId) {
        return cases.usersOf(caseId);
    }

    public Uni<List<Commission>> commissionsOf(UUID caseId) {
        return commissions.ofCase(caseId);
    }

    /** Resolves an OPEN case once (404 unknown, 409 already resolved). */
    public Uni<FraudCase> resolve(UUID caseId, UUID admin, Decision decision, String note) {
        return Panache.withTransaction(() -> cases.lock(caseId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No fraud case " + caseId));
            }
            if (c.status != FraudCase.Status.OPEN) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict(
                                "fraud-case-resolved", "The case was already resolved: " + c.status));
            }
            c.status = decision == Decision.APPROVE ? FraudCase.Status.APPROVED : FraudCase.Status.REJECTED;
            c.resolvedBy = admin;
            c.resolvedAt = clock.instant();
            c.note = note;
            metrics.counter("signaldesk.affiliate.fraud.resolved", "decision", decision.name())
                    .increment();
            return commissions.lockOfCase(caseId).chain(held -> {
                Uni<?> chain = Uni.createFrom().voidItem();
                for (Commission cm : held) {
                    chain = chain.chain(() -> decision == Decision.APPROVE ? approve(cm, caseId) : reject(cm));
                }
                return chain.replaceWith(c);
            });
        }));
    }

    /**
     * Cleared by this case: back to PENDING (released by the sweep once its hold has elapsed), unless
     * another OPEN case is about the same referred user: then that case holds it now.
     */
    private Uni<Void> approve(Commission c, UUID caseId) {
        return cases.otherOpenCaseOf(c.referredUserId, caseId)
                .invoke(other -> {
                    if (other == null) {
                        c.status = Commission.Status.PENDING;
                    } else {
                        c.fraudCaseId = other;
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> reject(Commission c) {
        c.status = Commission.Status.REJECTED;
        Currency cur = Currency.getInstance(c.currency);
        Money rest = Money.of(c.amount, cur).minus(Money.of(c.clawedBack, cur));
        if (!rest.isPositive()) {
            return Uni.createFrom().voidItem();
        }
        return ledger.post(
                        JournalEntry.Kind.REJECT,
                        "reject:" + c.id,
                        c.affiliateId,
                        cur,
                        b -> LedgerRules.reversePending(b, rest))
                .replaceWithVoid();
    }
}
