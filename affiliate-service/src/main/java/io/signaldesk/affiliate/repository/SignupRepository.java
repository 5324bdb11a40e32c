package io.signaldesk.affiliate.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.signaldesk.affiliate.Signup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignupRepository implements PanacheRepositoryBase<Signup, UUID> {
    public Uni<List<Signup>> newestOfCode(String code, int max) {
        return find("referralCode = ?1 order by registeredAt desc", code)
                .page(0, max)
                .list();
    }
}
