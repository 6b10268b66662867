package no.fyrtarn.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.LockOptions;
import org.hibernate.jpa.HibernateHints;

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

    /**
     * Locks the oldest due events; rows another relay instance holds are skipped, so several instances share the work
     * without publishing an event twice.
     */
    public List<OutboxEvent> claimDue(Instant now, int limit) {
        return find("sentAt is null and nextAttemptAt <= ?1 order by createdAt, id", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(HibernateHints.HINT_READ_ONLY, true) // changed by the bulk updates below, not by dirty checks
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .range(0, limit - 1)
                .list();
    }

    /** Marks acknowledged events sent: attempts + 1, no error. */
    public void markSent(List<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1, attempts = attempts + 1, lastError = null where id in ?2", now, ids);
        }
    }

    /** A failed publish: try again at {@code retryAt}. */
    public void markFailed(UUID id, Instant retryAt, String error) {
        update("attempts = attempts + 1, nextAttemptAt = ?1, lastError = ?2 where id = ?3", retryAt,
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), id);
    }

    public long pending() {
        return count("sentAt is null");
    }
}
