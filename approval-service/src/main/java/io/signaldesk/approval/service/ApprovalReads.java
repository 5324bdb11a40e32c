package io.signaldesk.approval.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.signaldesk.approval.Approval;
import io.signaldesk.approval.ApprovalHistory;
import io.signaldesk.approval.Command;
import io.signaldesk.approval.SignalRecord;
import io.signaldesk.approval.repository.ApprovalHistoryRepository;
import io.signaldesk.approval.repository.ApprovalRepository;
import io.signaldesk.approval.repository.CommandRepository;
import io.signaldesk.approval.repository.SignalRecordRepository;
import io.signaldesk.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A trader's approvals with their signal and, once approved, the command's execution. Another trader's are not found. */
@ApplicationScoped
public class ApprovalReads {
    /** An approval as the trader sees it; {@code command} is null until approved (and in lists). */
    public record ApprovalDetails(Approval approval, SignalRecord signal, Command command) {}

    private final ApprovalRepository approvals;
    private final ApprovalHistoryRepository history;
    private final SignalRecordRepository signals;
    private final CommandRepository commands;

    public ApprovalReads(
            ApprovalRepository approvals,
            ApprovalHistoryRepository history,
            SignalRecordRepository signals,
            CommandRepository commands) {
        this.approvals = approvals;
        this.history = history;
        this.signals = signals;
        this.commands = commands;
    }

    /** One page, newest first, with the page's signals read in one query. */
    public Uni<List<ApprovalDetails>> list(UUID userId, Approval.Status status, int page, int size) {
        return Panache.withSession(() -> approvals
                .page(userId, status, page, size)
                .chain(list -> signals.findByIds(
                                list.stream().map(a -> a.signalId).distinct().toList())
                        .map(found -> {
                            Map<UUID, SignalRecord> byId =
                                    found.stream().collect(Collectors.toMap(s -> s.signalId, Function.identity()));
                            return list.stream()
                                    .map(a -> new ApprovalDetails(a, byId.get(a.signalId), null))
                                    .toList();
                        })));
    }

    public Uni<ApprovalDetails> get(UUID userId, UUID id) {
        return Panache.withSession(() -> owned(userId, id)
                .chain(a -> signals.findById(a.signalId)
                        .chain(s -> commands.ofApproval(a.id).map(c -> new ApprovalDetails(a, s, c)))));
    }

    public Uni<List<ApprovalHistory>> history(UUID userId, UUID id) {
        return Panache.withSession(() -> owned(userId, id).chain(a -> history.of(a.id)));
    }

    private Uni<Approval> owned(UUID userId, UUID id) {
        return approvals.findById(id).map(a -> {
            if (a == null || !a.userId.equals(userId)) {
                throw ProblemException.notFound("approval " + id);
            }
            return a;
        });
    }
}
