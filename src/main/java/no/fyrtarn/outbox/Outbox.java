package no.fyrtarn.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where features put their events: in the caller's transaction, so the event exists exactly when the state change
 * does. OutboxRelay publishes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository events;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /** @return the event id (ce_id), new */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String type, Object key, Object payload) {
        return add(UUID.randomUUID(), topic, type, key, payload);
    }

    /** Adds an event whose id the caller chose (when the payload carries it too); @return that id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(UUID id, String topic, String type, Object key, Object payload) {
        try {
            events.persist(new OutboxEvent(id, topic, key.toString(), type, json.writeValueAsString(payload),
                    clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + payload, e);
        }
        if (transactions.getResource(Outbox.class) == null) {
            transactions.putResource(Outbox.class, Boolean.TRUE); // one wake-up per transaction, however many events
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        return id;
    }
}
