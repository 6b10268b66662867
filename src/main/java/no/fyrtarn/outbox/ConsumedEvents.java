package no.fyrtarn.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import no.fyrtarn.infra.Sql;

/**
 * Which events a consumer has applied: Kafka delivers at least once, so a consumer must tell a redelivery. A mark is
 * kept for {@code fyrtarn.consumers.dedupe-retention}, which must be longer than the topics keep events (Kafka's
 * default is 7 days): after that no topic holds the event any more, not even for a replay from its start.
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);
    private static final int FORGET_BATCH = 10_000;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    static final String RETENTION_KEY = "fyrtarn.consumers.dedupe-retention";
    static final String RETENTION_DEFAULT = "30d";

    @ConfigProperty(name = RETENTION_KEY, defaultValue = RETENTION_DEFAULT)
    Duration retention;

    /**
     * Marks the events as applied by this consumer, in the caller's transaction (so the marks and the effects commit
     * together), in one statement. @return those new to the consumer; the others are redeliveries, which the caller
     * then skips.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstTimes(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.list("""
                insert into consumed_event (consumer, event_id, consumed_at)
                select ?, id, ? from unnest(?) as id
                on conflict do nothing returning event_id""", row -> Sql.uuid(row, 1),
                consumer, clock.instant(), eventIds.toArray(UUID[]::new)));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldHourly() {
        forgetOld();
    }

    /** Forgets the marks older than the retention, a batch per transaction. @return how many it forgot */
    int forgetOld() {
        Instant before = clock.instant().minus(retention);
        int forgotten = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> sql.update("""
                    delete from consumed_event where ctid = any(array(
                        select ctid from consumed_event where consumed_at < ? limit ?))""", before, FORGET_BATCH));
            forgotten += batch;
        } while (batch == FORGET_BATCH);
        if (forgotten > 0) {
            LOG.infof("Forgot %d consumed-event marks from before %s", forgotten, before);
        }
        return forgotten;
    }
}
