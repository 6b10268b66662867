package no.fyrtarn.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.infra.Sql;

/** Which events a consumer has applied: Kafka delivers at least once, so a consumer must tell a redelivery. */
@ApplicationScoped
public class ConsumedEvents {

    @Inject
    Sql sql;

    @Inject
    Clock clock;

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
}
