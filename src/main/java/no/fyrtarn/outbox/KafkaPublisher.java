package no.fyrtarn.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends one outbox event as a Kafka record with CloudEvents binary-mode headers; completes when the broker acks. */
@ApplicationScoped
public class KafkaPublisher {

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    public CompletableFuture<Void> publish(OutboxEvent event) {
        return publish(event.id(), event.topic(), event.type(), event.key(), event.payload(), event.createdAt());
    }

    /** The same record an outbox row would become, without the row: for producers with a fallback of their own. */
    public CompletableFuture<Void> publish(UUID id, String topic, String type, String key, String payload,
            Instant createdAt) {
        var headers = new RecordHeaders()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id.toString()))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes(config.source().toString()))
                .add("ce_time", bytes(createdAt.toString()))
                .add("content-type", bytes("application/json"));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return sendAcked(emitter, payload, metadata);
    }

    /** Sends through the emitter; the future completes when the broker acknowledged the record (or refused it). */
    static CompletableFuture<Void> sendAcked(Emitter<String> emitter, String payload,
            OutgoingKafkaRecordMetadata<String> metadata) {
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

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
