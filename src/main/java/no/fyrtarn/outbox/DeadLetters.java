package no.fyrtarn.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Puts a record a batch consumer cannot process on fyrtarn.dlq: original key, value and headers (the same bytes), plus
 * dead-letter-reason/-topic/-partition/-offset (the names SmallRye's own DLQ strategy uses), so the rest of the batch
 * can go on.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("dead-letters")
    Emitter<byte[]> emitter;

    /** Returns once the broker has the record, so the caller may commit its offset. */
    public void send(ConsumerRecord<byte[], byte[]> record, Throwable reason) {
        var headers = new RecordHeaders(record.headers().toArray())
                .add("dead-letter-reason", KafkaPublisher.bytes(String.valueOf(reason)))
                .add("dead-letter-topic", KafkaPublisher.bytes(record.topic()))
                .add("dead-letter-partition", KafkaPublisher.bytes(Integer.toString(record.partition())))
                .add("dead-letter-offset", KafkaPublisher.bytes(Long.toString(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<byte[]>builder().withTopic(Topics.DLQ).withKey(record.key())
                .withHeaders(headers).build();
        try {
            sendAcked(emitter, record.value(), metadata).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter a record of " + record.topic(), e);
        }
    }

    /** Sends through the emitter; the future completes when the broker acknowledged the record (or refused it). */
    private static CompletableFuture<Void> sendAcked(Emitter<byte[]> emitter, byte[] payload,
            OutgoingKafkaRecordMetadata<byte[]> metadata) {
        var acked = new CompletableFuture<Void>();
        emitter.send(Message.of(payload, Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
