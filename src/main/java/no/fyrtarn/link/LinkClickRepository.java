package no.fyrtarn.link;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LinkClickRepository implements PanacheRepositoryBase<LinkClick, UUID> {

    /** Stores the judged click unless its event id is stored already (redelivery); @return whether it stored it. */
    public boolean insertIfAbsent(ClickEvent e, LinkClick.Verdict verdict) {
        return getEntityManager().createNativeQuery("""
                insert into link_click (id, link_code, share_id, post_id, employee_id, network, at, client_hash, method,
                                        user_agent, counted, verdict)
                values (:id, :code, :share, :post, :employee, :network, :at, :client, :method, :agent, :counted, :verdict)
                on conflict (id) do nothing""")
                .setParameter("id", e.clickId()).setParameter("code", e.linkCode()).setParameter("share", e.shareId())
                .setParameter("post", e.postId()).setParameter("employee", e.employeeId())
                .setParameter("network", e.network().name()).setParameter("at", e.at())
                .setParameter("client", e.clientHash()).setParameter("method", e.method())
                .setParameter("agent", e.userAgent()).setParameter("counted", verdict == LinkClick.Verdict.COUNTED)
                .setParameter("verdict", verdict.name()).executeUpdate() == 1;
    }

    /** Whether a counted click of this code and client lies strictly within (from, to), other than {@code except}. */
    public boolean countedBetween(String code, String clientHash, Instant from, Instant to, UUID except) {
        return count("linkCode = ?1 and clientHash = ?2 and counted = true and at > ?3 and at < ?4 and id <> ?5",
                code, clientHash, from, to, except) > 0;
    }

    public Map<UUID, Long> countedByPost(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.postId, count(c) from LinkClick c where c.counted = true and c.postId in :ids group by c.postId",
                Object[].class).setParameter("ids", postIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }
}
