package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.AccountKind;
import io.signaldesk.affiliate.JournalEntry;
import io.signaldesk.platform.money.Money;
import io.signaldesk.platform.persistence.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The journal, its postings and the stored balances (rules: service.LedgerRules). */
@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<JournalEntry, UUID> {
    /** The owner of the platform's accounts (EXPENSE). */
    public static final UUID PLATFORM = new UUID(0, 0);

    /** One posting as stored. */
    public record PostingRow(UUID owner, AccountKind kind, String side, BigDecimal amount) {}

    /**
     * The affiliate's accounts in the currency plus the platform's EXPENSE, created at zero if new and
     * locked in a fixed order (affiliate first, platform last) so concurrent entries never deadlock.
     */
    public Uni<Map<AccountKind, Money>> lockAccounts(UUID affiliateId, Currency currency) {
        StringBuilder values = new StringBuilder();
        for (AccountKind k : AccountKind.values()) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append("(")
                    .append(k == AccountKind.EXPENSE ? ":p" : ":a")
                    .append(", '")
                    .append(k.name())
                    .append("', :c, 0)");
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO {h-schema}ledger_accounts (owner_id, kind, currency, balance) VALUES "
                                        + values + " ON CONFLICT DO NOTHING")
                        .setParameter("a", affiliateId)
                        .setParameter("p", PLATFORM)
                        .setParameter("c", currency.getCurrencyCode())
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery(
                                        "SELECT kind, balance FROM {h-schema}ledger_accounts WHERE currency = :c AND "
                                                + "((owner_id = :a AND kind <> 'EXPENSE') OR (owner_id = :p AND kind = "
                                                + "'EXPENSE')) ORDER BY (owner_id = :p), kind FOR UPDATE",
                                        Object[].class)
                                .setParameter("a", QueryPlans.notCached(affiliateId))
                                .setParameter("p", PLATFORM)
                                .setParameter("c", currency.getCurrencyCode())
                                .getResultList()))
                .map(rows -> {
                    Map<AccountKind, Money> m = new EnumMap<>(AccountKind.class);
                    for (Object[] r : rows) {
                        m.put(AccountKind.valueOf((String) r[0]), Money.of((BigDecimal) r[1], currency));
                    }
                    return m;
                });
    }

    public Uni<Boolean> hasCause(String cause) {
        return count("cause", cause).map(n -> n > 0);
    }

    /** Writes an entry, its postings and the new balances (all in the caller's transaction). */
    public Uni<Void> write(JournalEntry entry, List<PostingRow> postings, Map<UUID, Map<AccountKind, Money>> deltas) {
        return persist(entry).chain(() -> Panache.getSession()).chain(s -> {
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO {h-schema}postings (entry_id, owner_id, kind, currency, " + "side, amount) VALUES ");
            for (int i = 0; i < postings.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(:e, :o")
                        .append(i)
                        .append(", :k")
                        .append(i)
                        .append(", :c, :s")
                        .append(i)
                        .append(", :m")
                        .append(i)
                        .append(")");
            }
            var q = s.createNativeQuery(sql.toString())
                    .setParameter("e", entry.id)
                    .setParameter("c", entry.currency);
            for (int i = 0; i < postings.size(); i++) {
                PostingRow p = postings.get(i);
                q.setParameter("o" + i, p.owner())
                        .setParameter("k" + i, p.kind().name())
                        .setParameter("s" + i, p.side())
                        .setParameter("m" + i, p.amount());
            }
            Uni<Integer> chain = s.flush().chain(() -> q.executeUpdate());
            for (var owner : deltas.entrySet()) {
                for (var d : owner.getValue().entrySet()) {
                    if (d.getValue().isZero()) {
                        continue;
                    }
                    chain = chain.chain(() -> s.createNativeQuery("UPDATE {h-schema}ledger_accounts SET balance = "
                                    + "balance + :d WHERE owner_id = :o AND kind = :k AND currency = :c")
                            .setParameter("d", d.getValue().amount())
                            .setParameter("o", owner.getKey())
                            .setParameter("k", d.getKey().name())
                            .setParameter("c", entry.currency)
                            .executeUpdate());
                }
            }
            return chain.replaceWithVoid();
        });
    }

    /** The affiliate's balances by currency: (currency, kind, balance). */
    public Uni<List<Object[]>> balancesOf(UUID affiliateId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT currency, kind, balance FROM {h-schema}ledger_accounts WHERE owner_id = :a "
                                        + "ORDER BY currency, kind",
                                Object[].class)
                        .setParameter("a", QueryPlans.notCached(affiliateId))
                        .getResultList());
    }

    /** Accounts whose stored balance differs from the sum of their postings: (owner, kind, currency, stored, computed). */
    public Uni<List<Object[]>> mismatchedBalances() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT a.owner_id, a.kind, a.currency, a.balance, coalesce(sum(CASE WHEN (p.side = "
                                        + "'DEBIT') = (a.kind IN ('EXPENSE', 'CLAWBACK')) THEN p.amount ELSE -p.amount "
                                        + "END), 0) AS computed FROM {h-schema}ledger_accounts a LEFT JOIN "
                                        + "{h-schema}postings p ON p.owner_id = a.owner_id AND p.kind = a.kind AND "
                                        + "p.currency = a.currency GROUP BY a.owner_id, a.kind, a.currency, a.balance "
                                        + "HAVING a.balance <> coalesce(sum(CASE WHEN (p.side = 'DEBIT') = (a.kind IN "
                                        + "('EXPENSE', 'CLAWBACK')) THEN p.amount ELSE -p.amount END), 0)",
                                Object[].class)
                        .getResultList());
    }

    /** Entries whose debits differ from their credits (none, the commit trigger refuses them). */
    public Uni<List<UUID>> unbalancedEntries() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT e.id FROM {h-schema}journal_entries e LEFT JOIN {h-schema}postings p ON "
                                        + "p.entry_id = e.id GROUP BY e.id HAVING coalesce(sum(p.amount) FILTER (WHERE "
                                        + "p.side = 'DEBIT'), 0) <> coalesce(sum(p.amount) FILTER (WHERE p.side = "
                                        + "'CREDIT'), 0) OR count(p.id) = 0",
                                UUID.class)
                        .getResultList());
    }

    /** Records a payout outcome once: false when it was seen before. */
    public Uni<Boolean> recordPayoutOutcome(
            UUID payoutId, String outcome, UUID affiliateId, Money amount, String detail, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO {h-schema}payout_outcomes (payout_id, outcome, "
                                + "affiliate_id, currency, amount, detail, at) VALUES (:p, :o, :a, :c, :m, :d, :t) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter("p", payoutId)
                        .setParameter("o", outcome)
                        .setParameter("a", affiliateId)
                        .setParameter("c", amount.currencyCode())
                        .setParameter("m", amount.amount())
                        .setParameter("d", detail)
                        .setParameter("t", at)
                        .executeUpdate())
                .map(n -> n > 0);
    }
}
