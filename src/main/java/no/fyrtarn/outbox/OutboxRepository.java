package no.fyrtarn.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Sql;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    @Inject
    Sql sql;

    /** Writes one event at once, in the caller's transaction: a plain statement, no entity to flush later. */
    public void insert(OutboxEvent e) {
        sql.update("""
                insert into outbox_event (id, topic, event_key, type, payload, created_at, attempts, next_attempt_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, 0, ?)""",
                e.id(), e.topic(), e.key(), e.type(), e.payload(), e.createdAt(), e.createdAt());
    }

    /** Writes many events in one statement, in the caller's transaction. */
    public void insertAll(List<OutboxEvent> batch) {
        int n = batch.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n], keys = new String[n], types = new String[n], payloads = new String[n];
        Instant[] created = new Instant[n];
        for (int i = 0; i < n; i++) {
            OutboxEvent e = batch.get(i);
            ids[i] = e.id();
            topics[i] = e.topic();
            keys[i] = e.key();
            types[i] = e.type();
            payloads[i] = e.payload();
            created[i] = e.createdAt();
        }
        sql.update("""
                insert into outbox_event (id, topic, event_key, type, payload, created_at, attempts, next_attempt_at)
                select id, topic, event_key, type, cast(payload as jsonb), created_at, 0, created_at
                from unnest(?, ?, ?, ?, ?, ?) as e(id, topic, event_key, type, payload, created_at)""",
                ids, topics, keys, types, payloads, created);
    }

    /**
     * Locks the events due longest, which for events never tried are the oldest; rows another relay instance holds are
     * skipped, so several instances share the work without publishing an event twice. The order is the due index's
     * own, so a sweep reads only the rows it takes: ordered by creation, a backlog of 190 000 due events after an
     * outage was sorted in full on every sweep (66 ms each, 20 MB on disk).
     */
    public List<OutboxEvent> claimDue(Instant now, int limit) {
        return sql.list("""
                select id, topic, event_key, type, payload, created_at, attempts from outbox_event
                where next_attempt_at <= ? order by next_attempt_at, created_at, id limit ? for update skip locked""",
                OutboxRepository::event, now, limit);
    }

    /**
     * Locks these events, oldest first, if they are still here and nobody else holds them: the events this instance
     * has just committed, found by key rather than through the due index, which under a steady stream of inserts and
     * deletes is mostly dead entries until vacuum clears them.
     */
    public List<OutboxEvent> claim(List<UUID> ids) {
        return sql.list("""
                select id, topic, event_key, type, payload, created_at, attempts from outbox_event
                where id = any(?) order by created_at, id for update skip locked""",
                OutboxRepository::event, (Object) ids.toArray(UUID[]::new));
    }

    private static OutboxEvent event(ResultSet row) throws SQLException {
        return new OutboxEvent(Sql.uuid(row, 1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), Sql.instant(row, 6), row.getInt(7));
    }

    /** Kafka has these events (and keeps them): they leave the outbox. */
    public void removeSent(List<UUID> ids) {
        if (!ids.isEmpty()) {
            sql.update("delete from outbox_event where id = any(?)", (Object) ids.toArray(UUID[]::new));
        }
    }

    /** A failed publish: try again at {@code retryAt}. */
    public void markFailed(UUID id, Instant retryAt, String error) {
        update("attempts = attempts + 1, nextAttemptAt = ?1, lastError = ?2 where id = ?3", retryAt,
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), id);
    }

    /**
     * Events waiting out a back-off are due again, as from their creation, so that they leave in creation order with
     * the events never tried: the broker is back. Rows another relay instance holds are left to it.
     *
     * @return how many
     */
    public int dueNow(Instant now) {
        return sql.update("""
                update outbox_event set next_attempt_at = created_at
                where id in (select id from outbox_event
                             where attempts > 0 and next_attempt_at > ? for update skip locked)""",
                now);
    }

    public long pending() {
        return count();
    }
}
