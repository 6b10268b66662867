package no.fyrtarn.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockOptions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Locks the oldest due events; rows another relay instance holds are skipped, so several instances share the work
     * without publishing an event twice.
     */
    public List<OutboxEvent> claimDue(Instant now, int limit) {
        return find("sentAt is null and nextAttemptAt <= ?1 order by createdAt, id", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
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

    public long pending() {
        return count("sentAt is null");
    }
}
