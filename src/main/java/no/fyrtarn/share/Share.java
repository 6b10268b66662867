package no.fyrtarn.share;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import no.fyrtarn.post.Network;

/**
 * One employee resharing one post on one network: the mapping for queries over shares. Shares are written and read
 * back by {@link ShareRepository} in plain SQL ({@link ShareRepository.Stored}).
 */
@Entity
public class Share {

    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "employee_id", nullable = false)
    private UUID employeeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(name = "link_code", nullable = false)
    private String linkCode;

    @Column(nullable = false)
    private String text;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    /** Fingerprint of the request body, to tell a retry from a different request under the same key; null without. */
    @Column(name = "request_hash")
    private String requestHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Share() {
    }
}
