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

/** One row of the append-only points ledger: what a source event earned under one rule. */
@Entity
@Table(name = "points_ledger")
public class LedgerEntry {

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

    @Column(nullable = false)
    private Instant at;

    @Column(name = "rule_version")
    private Integer ruleVersion;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LedgerEntry() {
    }

    LedgerEntry(UUID sourceEventId, String rule, Action action, UUID employeeId, int points, String reason, Instant at,
            Integer ruleVersion, Instant recordedAt) {
        this.id = Ids.timeOrdered(recordedAt); // also the ce_id of its points.awarded
        this.sourceEventId = sourceEventId;
        this.rule = rule;
        this.action = action;
        this.employeeId = employeeId;
        this.points = points;
        this.reason = reason;
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
    public Instant at() { return at; }
}
