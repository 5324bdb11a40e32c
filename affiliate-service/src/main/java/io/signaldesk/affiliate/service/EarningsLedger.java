package io.signaldesk.affiliate.service;

import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.affiliate.repository.LedgerRepository;
import io.signaldesk.affiliate.repository.LedgerRepository.PostingRow;
import io.signaldesk.platform.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Posts journal entries with {@link LedgerRules}: one entry per cause (its id is derived from the
 * cause, so a retried cause is the same entry and is written once), the accounts locked, the
 * postings balanced and the stored balances moved in the caller's transaction.
 */
@ApplicationScoped
public class EarningsLedger {
    private final LedgerRepository ledger;
    private final Clock clock;

    public EarningsLedger(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public static UUID entryId(String cause) {
        return UUID.nameUUIDFromBytes(("affiliate-ledger:" + cause).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts the entry of {@code cause} unless it exists.
     *
     * @return the entry's id, or null when the cause was already posted
     */
    public Uni<UUID> post(
            JournalEntry.Kind kind,
            String cause,
            UUID affiliateId,
            Currency currency,
            Function<LedgerRules.Balances, List<LedgerRules.Posting>> rule) {
        return ledger.lockAccounts(affiliateId, currency)
                .chain(stored -> ledger.hasCause(cause).chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().nullItem();
                    }
                    LedgerRules.Balances before = new LedgerRules.Balances(currency, stored);
                    List<LedgerRules.Posting> postings = rule.apply(before);
                    if (!LedgerRules.balanced(postings)
                            || !before.apply(postings).withinRules()) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException("entry " + kind + " would break the ledger rules"));
                    }
                    JournalEntry e = new JournalEntry();
                    e.id = entryId(cause);
                    e.cause = cause;
                    e.kind = kind;
                    e.affiliateId = affiliateId;
                    e.currency = currency.getCurrencyCode();
                    e.createdAt = clock.instant();
                    List<PostingRow> rows = new ArrayList<>();
                    Map<UUID, Map<AccountKind, Money>> deltas = new LinkedHashMap<>();
                    for (LedgerRules.Posting p : postings) {
                        UUID owner = p.account() == AccountKind.EXPENSE ? LedgerRepository.PLATFORM : affiliateId;
                        rows.add(new PostingRow(
                                owner, p.account(), p.side().name(), p.amount().amount()));
                        deltas.computeIfAbsent(owner, o -> new EnumMap<>(AccountKind.class))
                                .merge(p.account(), p.effect(), Money::plus);
                    }
                    return ledger.write(e, rows, deltas).replaceWith(e.id);
                }));
    }

    /** The outcome of recomputing every balance from the postings. */
    public record Check(boolean consistent, List<String> mismatchedAccounts, List<UUID> unbalancedEntries) {}

    /** Recomputes balances from postings and compares them with the stored ones. */
    public Uni<Check> check() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(this::checkInSession);
    }

    Uni<Check> checkInSession() {
        return ledger.mismatchedBalances()
                .chain(bad -> ledger.unbalancedEntries().map(unbalanced -> {
                    List<String> accounts = bad.stream()
                            .map(r -> r[1] + " " + r[2] + " of " + r[0] + ": stored " + r[3] + ", postings " + r[4])
                            .toList();
                    return new Check(accounts.isEmpty() && unbalanced.isEmpty(), accounts, unbalanced);
                }));
    }
}
