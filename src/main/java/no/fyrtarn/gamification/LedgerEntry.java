package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import no.fyrtarn.infra.Ids;
import no.fyrtarn.post.Network;

/** One row of the append-only points ledger: what a source event earned under one rule. */
@Entity
@Table(name = "points_ledger")
public class LedgerEntry {

    /** What a line was for: a post on a network, or nothing more than the rule says (a challenge's bonus). */
    public record Subject(UUID postId, Network network) {
        static final Subject NONE = new Subject(null, null);
    }

    @Id
    private UUID id;

    @Column(name = "source_event_id", nullable = false)
    private UUID sourceEventId;

    @Column(nullable = false)
    private String rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "employee_id", nullable = false)
    private UUID employeeId;

    @Column(nullable = false)
    private int points;

    @Column(nullable = false)
    private String reason;

    /** The post a share or click was of; null for a challenge's bonus. */
    @Column(name = "post_id")
    private UUID postId;

    @Enumerated(EnumType.STRING)
    private Network network;

    /** Whether the day's cap took some or all of the rule's points. */
    @Column(nullable = false)
    private boolean capped;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "rule_version")
    private Integer ruleVersion;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LedgerEntry() {
    }

    LedgerEntry(UUID sourceEventId, String rule, Action action, UUID employeeId, int points, String reason,
            Subject subject, boolean capped, Instant at, Integer ruleVersion, Instant recordedAt) {
        this.id = Ids.timeOrdered(recordedAt); // also the ce_id of its points.awarded
        this.sourceEventId = sourceEventId;
        this.rule = rule;
        this.action = action;
        this.employeeId = employeeId;
        this.points = points;
        this.reason = reason;
        this.postId = subject.postId();
        this.network = subject.network();
        this.capped = capped;
        this.at = at;
        this.ruleVersion = ruleVersion;
        this.recordedAt = recordedAt;
    }

    public UUID id() { return id; }
    public UUID sourceEventId() { return sourceEventId; }
    public String rule() { return rule; }
    public Integer ruleVersion() { return ruleVersion; }
    public Instant recordedAt() { return recordedAt; }
    public Action action() { return action; }
    public UUID employeeId() { return employeeId; }
    public int points() { return points; }
    public String reason() { return reason; }
    public UUID postId() { return postId; }
    public Network network() { return network; }
    public boolean capped() { return capped; }
    public Instant at() { return at; }
}
