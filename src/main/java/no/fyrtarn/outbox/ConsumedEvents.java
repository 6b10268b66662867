package no.fyrtarn.outbox;

import java.time.Clock;
import java.util.UUID;

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
     * Marks the event as applied by this consumer, in the caller's transaction (so the mark and the effects commit
     * together). @return whether it is new to the consumer: false for a redelivery, which the caller then skips.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                insert into consumed_event (consumer, event_id, consumed_at) values (:consumer, :id, :now)
                on conflict do nothing""").setParameter("consumer", consumer).setParameter("id", eventId)
                .setParameter("now", clock.instant()).executeUpdate() == 1;
    }
}
