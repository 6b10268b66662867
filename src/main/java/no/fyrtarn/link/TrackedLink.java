package no.fyrtarn.link;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import no.fyrtarn.post.Network;

/** The link one employee shares for one post on one network; it redirects to the post's URL with UTM parameters. */
@Entity
@Table(name = "tracked_link")
public class TrackedLink {

    @Id
    private String code;

    @Column(name = "employee_id", nullable = false)
    private UUID employeeId;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(name = "target_url", nullable = false)
    private String targetUrl;

    @Column(name = "first_share_id", nullable = false)
    private UUID firstShareId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrackedLink() {
    }

    public String code() { return code; }
    public UUID employeeId() { return employeeId; }
    public UUID postId() { return postId; }
    public Network network() { return network; }
    public String targetUrl() { return targetUrl; }
    public UUID firstShareId() { return firstShareId; }
    public Instant createdAt() { return createdAt; }
}
