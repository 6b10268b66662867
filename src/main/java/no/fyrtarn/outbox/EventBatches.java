package no.fyrtarn.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import no.fyrtarn.infra.StrictJson;

/**
 * What every batch consumer of ours does the same way: read records into events (an unreadable one goes to the DLQ
 * and the rest of the batch goes on), then apply the batch in one transaction, retrying a failure (a database outage)
 * with back-off for as long as it takes, since the records themselves are fine. During shutdown a failure is final
 * instead: the batch is not acknowledged, the channel stops, and Kafka redelivers the batch after the restart. A batch
 * waiting out its back-off when the shutdown begins tries once more at once. {@link KafkaShutdown} waits for the
 * batches being applied ({@link #awaitIdle}) before the database goes.
 * Dead letters and failures are counted in metrics; a consumer that keeps failing shows in readiness.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    /** An event, its id (ce_id, or an id the payload carries) and its ce_type (null when the record has none). */
    public record Received<T>(UUID eventId, String type, T payload) {
    }

    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Batches in {@link #inTransaction} now; guarded by {@code this}, which also wakes back-offs at shutdown. */
    private int applying;

    /** Events are read skipping fields this consumer does not know yet: producers may add fields. */
    private ObjectReader events;

    @Inject
    void readEventsWith(ObjectMapper json) {
        this.events = StrictJson.tolerant(json);
    }

    @Inject
    Validator validator;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumedEvents consumed;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /** Readable events of the batch, identified by their ce_id header; each id once. */
    public <T> List<Received<T>> read(String consumer, ConsumerRecords<byte[], byte[]> records, Class<T> type) {
        return read(consumer, records, type, null);
    }

    /** As {@link #read(String, ConsumerRecords, Class)}, identified by {@code idOf} (null: the ce_id header). */
    public <T> List<Received<T>> read(String consumer, ConsumerRecords<byte[], byte[]> records, Class<T> type,
            Function<T, UUID> idOf) {
        ObjectReader reader = events.forType(type); // once a batch, not once an event
        return read(consumer, records, value -> readable(reader.<T>readValue(value)), idOf);
    }

    /** Reads a record's value (JSON in UTF-8); throws for an unreadable or invalid one, which then goes to the DLQ. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(byte[] value) throws IOException;
    }

    /**
     * As {@link #read(String, ConsumerRecords, Class, Function)}, with a reader of the consumer's own instead of data
     * binding and Bean Validation.
     */
    public <T> List<Received<T>> read(String consumer, ConsumerRecords<byte[], byte[]> records, Reader<T> reader,
            Function<T, UUID> idOf) {
        Map<UUID, Received<T>> events = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("no value"); // a tombstone: no event of ours
                }
                T payload = reader.read(record.value());
                UUID id = idOf == null ? ceId(record) : idOf.apply(payload);
                events.putIfAbsent(id, new Received<>(id, header(record, "ce_type"), payload));
            } catch (IOException | IllegalArgumentException e) { // not JSON (or not UTF-8), or not the event
                deadLetters.send(record, e);
                registry.counter("fyrtarn.consumer.dead.letters", "consumer", consumer).increment();
            }
        }
        return List.copyOf(events.values());
    }

    /**
     * Reads the batch and applies each {@code wanted} event this consumer has not applied before, all in one
     * transaction: the mark in consumed_event commits with the event's effects, so a redelivery changes nothing.
     */
    public <T> void applyOnce(String consumer, ConsumerRecords<byte[], byte[]> records, Class<T> type,
            Predicate<Received<T>> wanted, Consumer<Received<T>> apply) throws InterruptedException {
        applyAllOnce(consumer, records, type, wanted, fresh -> fresh.forEach(apply));
    }

    /** As {@link #applyOnce}, with the events not applied before handed over together, in their order. */
    public <T> void applyAllOnce(String consumer, ConsumerRecords<byte[], byte[]> records, Class<T> type,
            Predicate<Received<T>> wanted, Consumer<List<Received<T>>> applyAll) throws InterruptedException {
        var events = read(consumer, records, type).stream().filter(wanted).toList();
        if (!events.isEmpty()) {
            inTransaction(consumer, events.size(), () -> {
                Set<UUID> fresh = consumed.firstTimes(consumer, events.stream().map(Received::eventId).toList());
                applyAll.accept(events.stream().filter(e -> fresh.contains(e.eventId())).toList());
            });
        }
    }

    /** Runs the work in a new transaction until it commits (see the class comment). */
    public void inTransaction(String consumer, int events, Runnable work) throws InterruptedException {
        synchronized (this) {
            applying++;
        }
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(work);
                    failingSince.remove(consumer);
                    return;
                } catch (RuntimeException e) {
                    registry.counter("fyrtarn.consumer.failures", "consumer", consumer).increment();
                    failingSince.putIfAbsent(consumer, clock.instant());
                    if (stopping) {
                        throw new NotApplied(consumer, events, e);
                    }
                    LOG.warnf("%s could not apply %d events (attempt %d), retrying: %s", consumer, events, attempt,
                            e.toString());
                    backOff(Math.min(MAX_BACKOFF_MS, 250L << Math.min(attempt, 10)));
                }
            }
        } finally {
            synchronized (this) {
                applying--;
                notifyAll();
            }
        }
    }

    /** Waits this long, or until the shutdown begins. */
    private synchronized void backOff(long millis) throws InterruptedException {
        until(() -> stopping, Duration.ofMillis(millis));
    }

    /** Waits until no batch is being applied, at most this long; whether none is. */
    synchronized boolean awaitIdle(Duration wait) throws InterruptedException {
        return until(() -> applying == 0, wait);
    }

    /** Holding this object's monitor: waits on it until {@code done}, at most this long; whether done. */
    private boolean until(BooleanSupplier done, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); !done.getAsBoolean(); left = end - System.nanoTime()) {
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * A batch given up on at shutdown, to be delivered again after the restart. Without a stack or a cause, which the
     * attempts before it have logged: SmallRye logs what the consumer's method threw, with its stack ({@link
     * QuietFailStop} says the rest once).
     */
    static final class NotApplied extends RuntimeException {
        NotApplied(String consumer, int events, RuntimeException failure) {
            super("%s did not apply %d events before the stop: %s".formatted(consumer, events, failure), null, false,
                    false);
        }
    }

    /** Consumers whose current batch keeps failing, and since when. */
    public Map<String, Instant> failing() {
        return Map.copyOf(failingSince);
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
    }

    private <T> T readable(T payload) {
        var violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return payload;
    }

    private static UUID ceId(ConsumerRecord<byte[], byte[]> record) {
        String id = header(record, "ce_id");
        if (id == null) {
            throw new IllegalArgumentException("no ce_id header");
        }
        return UUID.fromString(id);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
