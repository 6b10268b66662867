package no.fyrtarn.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

/**
 * Sends one outbox event as a Kafka record with CloudEvents binary-mode headers; completes when the broker acks. It
 * hands the record straight to the Kafka producer of the {@code outbox} channel (its acks, idempotence, batching and
 * timeouts): the channel's emitter would add a Reactive Streams hop, context propagation and a sending thread to every
 * click and event, which JFR put at half of the click writer's time. Values go as bytes, so a click's JSON is written
 * once, as UTF-8, and the headers every record shares are encoded once.
 */
@ApplicationScoped
public class KafkaPublisher {

    private static final String CHANNEL = "outbox";

    @Inject
    KafkaClientService clients;

    @Inject
    OutboxConfig config;

    private static final byte[] SPEC_VERSION = bytes("1.0");
    private static final byte[] JSON = bytes("application/json");

    private volatile Producer<String, byte[]> producer;
    private byte[] source;

    @PostConstruct
    void init() {
        source = bytes(config.source().toString());
    }

    public CompletableFuture<Void> publish(OutboxEvent event) {
        return publish(event.id(), event.topic(), event.type(), event.key(), bytes(event.payload()),
                event.createdAt());
    }

    /**
     * The same record an outbox row would become, without the row: for producers with a fallback of their own.
     *
     * @param payload the event's JSON in UTF-8
     */
    public CompletableFuture<Void> publish(UUID id, String topic, String type, String key, byte[] payload,
            Instant createdAt) {
        // the shared arrays are never written to: Kafka's producer only reads header values
        var headers = new RecordHeaders()
                .add("ce_specversion", SPEC_VERSION)
                .add("ce_id", bytes(id.toString()))
                .add("ce_type", bytes(type))
                .add("ce_source", source)
                .add("ce_time", bytes(createdAt.toString()))
                .add("content-type", JSON);
        var acked = new CompletableFuture<Void>();
        producer().send(new ProducerRecord<>(topic, null, key, payload, headers), (metadata, failure) -> {
            if (failure == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(failure);
            }
        });
        return acked;
    }

    /**
     * Sends the records of {@code items} in order ({@code send} sends one) until one fails before it left because the
     * broker could not be reached: while Kafka is down the producer soon forgets the topics' partitions, and then every
     * send waits {@code max.block.ms} (5 s) for them before it fails. A batch of 500 would hold its sender for 40
     * minutes; this way it holds it for one such wait, and the caller keeps the records not sent for later.
     *
     * @return the acks of the records sent, in order: all, or those up to and including the first that failed at once
     */
    public static <T> List<CompletableFuture<Void>> publishWhileReachable(List<T> items,
            Function<T, CompletableFuture<Void>> send) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<Void> ack = send.apply(item);
            acks.add(ack);
            if (ack.isCompletedExceptionally() && brokerUnreachable(ack.exceptionNow())) {
                break;
            }
        }
        return acks;
    }

    /**
     * Waits for a batch's acks until one deadline, {@code wait} from now: the first ack waited for may take all of it,
     * the later ones what is left.
     *
     * @return per ack, in order: {@code null} when the broker acknowledged the record, otherwise why not (the send's
     *         failure, or a {@link TimeoutException} once the wait ran out)
     * @throws InterruptedException nothing is known then about the acks not yet waited for
     */
    public static List<Throwable> awaitAcks(List<CompletableFuture<Void>> acks, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Throwable> failures = new ArrayList<>(acks.size());
        for (CompletableFuture<Void> ack : acks) {
            Throwable failure = null;
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (TimeoutException e) {
                failure = e;
            }
            failures.add(failure);
        }
        return failures;
    }

    /**
     * Whether a failed publish is one the broker's return cures (Kafka's retriable errors: timeouts, lost connections,
     * a missing leader; a sender's own ack wait running out) rather than one the record itself causes.
     */
    public static boolean brokerUnreachable(Throwable failure) {
        return failure instanceof RetriableException || failure instanceof TimeoutException;
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            KafkaProducer<String, byte[]> channel = clients.getProducer(CHANNEL);
            if (channel == null) {
                throw new IllegalStateException("the " + CHANNEL + " channel has no Kafka producer yet");
            }
            producer = p = channel.unwrap();
        }
        return p;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
