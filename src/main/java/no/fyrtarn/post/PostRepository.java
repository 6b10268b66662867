package no.fyrtarn.post;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.hibernate.LockOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.NativeRows;
import no.fyrtarn.infra.StrictJson;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    private static final TypeReference<List<String>> TOPICS = new TypeReference<>() { };
    private static final TypeReference<List<Network>> NETWORKS = new TypeReference<>() { };
    private static final TypeReference<List<Caption>> CAPTIONS = new TypeReference<>() { };

    /** The post's JSON columns, read skipping fields this version does not know (see StrictJson). */
    private ObjectReader columns;

    @Inject
    void readColumnsWith(ObjectMapper json) {
        this.columns = StrictJson.tolerant(json);
    }

    /** Newest first, after the (createdAt, id) position of the previous page; fetches {@code fetch} rows. */
    public List<Post> page(PostStatus status, Cursor.At after, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by createdAt desc, id desc", params).range(0, fetch - 1).list();
    }

    /** Posts whose publish or expiry time has come, locked so that two instances never move the same post. */
    public List<Post> dueForTransition(Instant now, int limit) {
        return find("(status = ?1 and publishAt <= ?3) or (status = ?2 and expiresAt <= ?3) order by updatedAt",
                PostStatus.SCHEDULED, PostStatus.PUBLISHED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .range(0, limit - 1).list();
    }

    /**
     * The feed of someone in {@code teamId} (null: no team): published, unexpired posts for everyone or for that team,
     * newest published first, after {@code after}; optionally only those with {@code topic}.
     */
    public List<Post> feed(UUID teamId, String topic, Instant now, Cursor.At after, int fetch) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = inFeed("p.id", UUID.class, teamId, topic, now, "<", after,
                " order by p.published_at desc, p.id desc limit :fetch").setParameter("fetch", fetch).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Post> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(Post::id, p -> p));
        return ids.stream().map(byId::get).toList();
    }

    /** How many of {@link #feed}'s posts come before {@code newest} (were published after it); all when it is null. */
    public long newerInFeed(UUID teamId, String topic, Instant now, Cursor.At newest) {
        return ((Number) inFeed("count(*)", Long.class, teamId, topic, now, ">", newest, "").getSingleResult())
                .longValue();
    }

    /**
     * {@code select columns} of the posts in the feed of someone in {@code teamId}, with {@code topic} if not null,
     * and on the {@code side} ({@code <}: older, {@code >}: newer) of {@code position} if not null; then {@code rest}.
     */
    private Query inFeed(String columns, Class<?> type, UUID teamId, String topic, Instant now, String side,
            Cursor.At position, String rest) {
        StringBuilder sql = new StringBuilder("select ").append(columns).append(" from post p where ")
                .append(inFeedOf(teamId));
        if (topic != null) {
            sql.append(" and jsonb_exists(p.topics, :topic)"); // the ? operator, which JDBC would take for a parameter
        }
        if (position != null) {
            sql.append(" and (p.published_at, p.id) ").append(side).append(" (:positionAt, :positionId)");
        }
        var query = getEntityManager().createNativeQuery(sql.append(rest).toString(), type);
        bindInFeedOf(query, teamId, now);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (position != null) {
            query.setParameter("positionAt", position.at()).setParameter("positionId", position.id());
        }
        return query;
    }

    /** The topics of {@link #feed}'s posts, with how many have each: most first, then the newest post's first. */
    public List<FeedTopic> feedTopics(UUID teamId, Instant now, int limit) {
        var query = getEntityManager().createNativeQuery("""
                select t.topic, count(*) from post p cross join jsonb_array_elements_text(p.topics) t(topic)
                where %s
                group by t.topic order by count(*) desc, max(p.published_at) desc, t.topic limit :limit"""
                .formatted(inFeedOf(teamId))).setParameter("limit", limit);
        bindInFeedOf(query, teamId, now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new FeedTopic((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /**
     * A published post as it is shared, with its audience: one scalar query, no entity (the share path asks on every
     * tap). Whether it is in someone's feed now is {@link LivePost#inFeedOf}.
     */
    public Optional<LivePost> findLive(UUID postId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select p.title, p.body, p.url, p.topics::text, p.networks::text, p.captions::text, p.campaign,
                       p.language, p.published_at, p.expires_at,
                       (select string_agg(a.team_id::text, ',') from post_audience_team a where a.post_id = p.id)
                from post p where p.id = :id and p.status = 'PUBLISHED'""").setParameter("id", postId)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new LivePost(new PublishedPost(postId,
                (String) r[0], (String) r[1], (String) r[2], read((String) r[3], TOPICS), read((String) r[4], NETWORKS),
                read((String) r[5], CAPTIONS), (String) r[6], (String) r[7], NativeRows.instant(r[8]),
                NativeRows.instant(r[9])),
                r[10] == null ? Set.of() : Arrays.stream(((String) r[10]).split(",")).map(UUID::fromString)
                        .collect(Collectors.toUnmodifiableSet())));
    }

    private <T> T read(String column, TypeReference<T> type) {
        try {
            return columns.forType(type).readValue(column);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A post's JSON column does not read back", e);
        }
    }

    /**
     * What the feed shows someone in {@code teamId} (null: no team): published, not past expiresAt (even before the
     * scheduler marks it EXPIRED), for everyone or for their team. Its :now and :team are bound by bindInFeedOf.
     * {@link LivePost#inFeedOf} is the same rule for one post in memory.
     */
    private static String inFeedOf(UUID teamId) {
        return """
                p.status = 'PUBLISHED' and (p.expires_at is null or p.expires_at > :now)
                and (not exists (select 1 from post_audience_team a where a.post_id = p.id)"""
                + (teamId == null ? ")"
                        : " or exists (select 1 from post_audience_team a where a.post_id = p.id and a.team_id = :team))");
    }

    private static void bindInFeedOf(Query query, UUID teamId, Instant now) {
        query.setParameter("now", now);
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
    }
}
