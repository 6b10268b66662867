package no.fyrtarn.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting to be published (deleted once Kafka has it); its id is the CloudEvents ce_id consumers deduplicate on. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String topic;

    @Column(name = "event_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID id, String topic, String key, String type, String payload, Instant now) {
        this(id, topic, key, type, payload, now, 0);
    }

    /** As read back to publish: {@code attempts} so far. */
    OutboxEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt, int attempts) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
        this.attempts = attempts;
    }

    public UUID id() { return id; }
    public String topic() { return topic; }
    public String key() { return key; }
    public String type() { return type; }
    public String payload() { return payload; }
    public Instant createdAt() { return createdAt; }
    public int attempts() { return attempts; }
}
