package no.fyrtarn.link;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class TrackedLinkRepository implements PanacheRepositoryBase<TrackedLink, String> {

    @Inject
    Sql sql;

    /** Whose link it is: one per employee, post and network. */
    public record Owner(UUID employeeId, UUID postId, Network network) {
    }

    /** The owner's link to a post on a network; {@code created}: this call made it. */
    public record Owned(String code, boolean created) {
    }

    /** A link to make unless its owner has one: with this code, leading to this URL, attributed to this share. */
    public record Offer(Owner owner, String code, String targetUrl, UUID firstShareId) {
    }

    /**
     * Each offered owner's link, inserted with the offered code if they have none: one statement for all (owners
     * distinct). An owner is missing from the answer when neither could be read in this statement's snapshot: the code
     * belonged to another link (vanishingly rare), or a concurrent caller inserted the owner's link meanwhile (the
     * statement waited for it on the unique key). Both resolve when the caller offers again with a fresh code.
     */
    public Map<Owner, Owned> insertAllIfAbsent(List<Offer> offers, Instant now) {
        int n = offers.size();
        UUID[] employees = new UUID[n], posts = new UUID[n], shares = new UUID[n];
        String[] codes = new String[n], networks = new String[n], targets = new String[n];
        for (int i = 0; i < n; i++) {
            Offer o = offers.get(i);
            codes[i] = o.code();
            employees[i] = o.owner().employeeId();
            posts[i] = o.owner().postId();
            networks[i] = o.owner().network().name();
            targets[i] = o.targetUrl();
            shares[i] = o.firstShareId();
        }
        return sql.list("""
                with offered as (
                    select * from unnest(?, ?, ?, ?, ?, ?)
                        as o(code, employee_id, post_id, network, target_url, first_share_id)),
                made as (
                    insert into tracked_link (code, employee_id, post_id, network, target_url, first_share_id, created_at)
                    select code, employee_id, post_id, network, target_url, first_share_id, ? from offered
                    on conflict do nothing
                    returning code, employee_id, post_id, network)
                select code, employee_id, post_id, network, true from made
                union all
                select t.code, t.employee_id, t.post_id, t.network, false from tracked_link t
                join offered o on (t.employee_id, t.post_id, t.network) = (o.employee_id, o.post_id, o.network)""",
                row -> Map.entry(new Owner(Sql.uuid(row, 2), Sql.uuid(row, 3), Network.valueOf(row.getString(4))),
                        new Owned(row.getString(1), row.getBoolean(5))),
                codes, employees, posts, networks, targets, shares, now)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
