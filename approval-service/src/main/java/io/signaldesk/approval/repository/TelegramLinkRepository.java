package io.signaldesk.approval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.approval.TelegramLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Traders' linked Telegram chats. */
@ApplicationScoped
public class TelegramLinkRepository implements PanacheRepositoryBase<TelegramLink, UUID> {
    public Uni<TelegramLink> byChat(long chatId) {
        return find("chatId", chatId).firstResult();
    }

    /** The links of these traders (the ones without a chat are simply absent). */
    public Uni<List<TelegramLink>> ofUsers(Collection<UUID> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("userId in ?1", userIds);
    }

    /** Removes any link of this trader and any link of this chat (a chat acts for one trader only). */
    public Uni<Long> unlink(UUID userId, long chatId) {
        return delete("userId = ?1 or chatId = ?2", userId, chatId);
    }
}
