package no.fyrtarn.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Which events a consumer has applied: Kafka delivers at least once, so a consumer must tell a redelivery. */
@ApplicationScoped
public class ConsumedEvents {

    @Inject
    EntityManager em;

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
        List<?> fresh = em.createNativeQuery("""
                insert into consumed_event (consumer, event_id, consumed_at)
                select :consumer, id, :now from unnest(:ids) as id
                on conflict do nothing returning event_id""").setParameter("consumer", consumer)
                .setParameter("ids", eventIds.toArray(UUID[]::new)).setParameter("now", clock.instant())
                .getResultList();
        return fresh.stream().map(UUID.class::cast).collect(Collectors.toSet());
    }
}
