package no.fyrtarn.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.fyrtarn.infra.AfterCommit;
import no.fyrtarn.infra.Ids;

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
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    /** An event to add; {@code id} becomes its ce_id. */
    public record Event(UUID id, String topic, String type, Object key, Object payload) {
    }

    /** @return the event id (ce_id), new */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String type, Object key, Object payload) {
        Event event = event(topic, type, key, payload);
        add(event);
        return event.id();
    }

    /** A new event with a new (time-ordered) id, for {@link #addAll}. */
    public Event event(String topic, String type, Object key, Object payload) {
        return new Event(Ids.timeOrdered(clock.instant()), topic, type, key, payload);
    }

    /** An event whose id (ce_id) is already the id of what it announces, such as an award's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Event event) {
        events.insert(row(event));
        handOffAfterCommit(List.of(event.id()));
    }

    /** Many events in one statement: for producers that write in batches, such as the share writer and clicks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Event> batch) {
        if (!batch.isEmpty()) {
            events.insertAll(batch.stream().map(this::row).toList());
            handOffAfterCommit(batch.stream().map(Event::id).toList());
        }
    }

    private OutboxEvent row(Event e) {
        try {
            return new OutboxEvent(e.id(), e.topic(), e.key().toString(), e.type(), json.writeValueAsString(e.payload()),
                    clock.instant());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + e.payload(), ex);
        }
    }

    /** The relay learns of a transaction's events once, when it has committed, so they leave at once. */
    private void handOffAfterCommit(List<UUID> ids) {
        afterCommit.collect(Outbox.class, ids, relay::committed);
    }
}
