package no.fyrtarn.share;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.NativeRows;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class ShareRepository implements PanacheRepositoryBase<Share, UUID> {

    @Inject
    Sql sql;

    /**
     * A share as it is stored; {@code requestHash} tells a retry of its request from a different one (null without an
     * Idempotency-Key).
     */
    public record Stored(UUID id, UUID postId, UUID employeeId, Network network, String linkCode, String text,
            String idempotencyKey, String requestHash, Instant at) {
    }

    /** An employee's Idempotency-Key. */
    public record Key(UUID employeeId, String idempotencyKey) {
    }

    /**
     * Inserts the shares, each unless its employee already used its idempotency key: one statement. A concurrent
     * transaction inserting the same key makes it wait on the unique index until that one commits, then skip the row.
     *
     * @return the ids of the shares this call inserted
     */
    public Set<UUID> insertNew(List<Stored> shares) {
        int n = shares.size();
        UUID[] ids = new UUID[n], posts = new UUID[n], employees = new UUID[n];
        String[] networks = new String[n], codes = new String[n], texts = new String[n], keys = new String[n],
                hashes = new String[n];
        Instant[] at = new Instant[n];
        for (int i = 0; i < n; i++) {
            Stored s = shares.get(i);
            ids[i] = s.id();
            posts[i] = s.postId();
            employees[i] = s.employeeId();
            networks[i] = s.network().name();
            codes[i] = s.linkCode();
            texts[i] = s.text();
            keys[i] = s.idempotencyKey();
            hashes[i] = s.requestHash();
            at[i] = s.at();
        }
        return new HashSet<>(sql.list("""
                insert into share (id, post_id, employee_id, network, link_code, text, idempotency_key, request_hash,
                                   created_at)
                select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (employee_id, idempotency_key) do nothing returning id""",
                row -> Sql.uuid(row, 1), ids, posts, employees, networks, codes, texts, keys, hashes, at));
    }

    /** The shares these keys made, by key; keys not used yet are not in the answer. */
    public Map<Key, Stored> findByKeys(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        UUID[] employees = keys.stream().map(Key::employeeId).toArray(UUID[]::new);
        String[] used = keys.stream().map(Key::idempotencyKey).toArray(String[]::new);
        return sql.list("""
                select s.id, s.post_id, s.employee_id, s.network, s.link_code, s.text, s.idempotency_key,
                       s.request_hash, s.created_at
                from share s join unnest(?, ?) as k(employee_id, idempotency_key)
                     on s.employee_id = k.employee_id and s.idempotency_key = k.idempotency_key""",
                row -> new Stored(Sql.uuid(row, 1), Sql.uuid(row, 2), Sql.uuid(row, 3),
                        Network.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                        row.getString(8), Sql.instant(row, 9)), employees, used)
                .stream().collect(Collectors.toMap(s -> new Key(s.employeeId(), s.idempotencyKey()), s -> s));
    }

    /** Per post, the networks this employee shared it on. */
    public Map<UUID, Set<Network>> networksSharedOn(UUID employeeId, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select distinct s.postId, s.network from Share s where s.employeeId = :employee and s.postId in :posts",
                Object[].class).setParameter("employee", employeeId).setParameter("posts", postIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                Collectors.mapping(r -> (Network) r[1], Collectors.toSet())));
    }

    /** Shares per post and network, for those of the posts that have any. */
    public Map<UUID, Map<Network, Long>> countByPostAndNetwork(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("select s.postId, s.network, count(s) from Share s "
                + "where s.postId in :posts group by s.postId, s.network", Object[].class)
                .setParameter("posts", postIds).getResultList();
        return NativeRows.countsByTwo(rows);
    }

    /** One tracked link of a post: whose, where, how often it was shared and its counted clicks. */
    public record LinkReach(String code, UUID employeeId, Network network, long shares, long clicks,
            Instant firstSharedAt) {
    }

    /** A position in a most-clicked-first list of links: the last row's clicks and code. */
    public record ReachPosition(long clicks, String code) {
    }

    /**
     * The post's tracked links, most clicked first (then by code), after {@code after} (null: from the top), at most
     * {@code limit}. From the post's shares and clicks (both indexed by post) to each link by its code.
     */
    public List<LinkReach> reachOf(UUID postId, ReachPosition after, int limit) {
        String from = "select t.code, t.employee_id, t.network, s.shares, coalesce(c.clicks, 0) as clicks, s.first_at "
                + "from (select link_code, count(*) as shares, min(created_at) as first_at from share "
                + "where post_id = ? group by link_code) s "
                + "join tracked_link t on t.code = s.link_code "
                + "left join (select link_code, count(*) as clicks from link_click where post_id = ? group by link_code) c "
                + "on c.link_code = s.link_code ";
        String order = "order by clicks desc, t.code limit ?";
        Sql.Row<LinkReach> row = r -> new LinkReach(r.getString(1), Sql.uuid(r, 2), Network.valueOf(r.getString(3)),
                r.getLong(4), r.getLong(5), Sql.instant(r, 6));
        return after == null ? sql.list(from + order, row, postId, postId, limit)
                : sql.list(from + "where coalesce(c.clicks, 0) < ? or (coalesce(c.clicks, 0) = ? and t.code > ?) " + order,
                        row, postId, postId, after.clicks(), after.clicks(), after.code(), limit);
    }
}
