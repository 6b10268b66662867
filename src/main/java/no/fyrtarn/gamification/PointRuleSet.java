package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the point rules; never changed once stored. */
@Entity
@Table(name = "point_rules")
public class PointRuleSet {

    @Id
    private int version;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private PointRules rules;

    @Column(name = "changed_by")
    private UUID changedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PointRuleSet() {
    }

    PointRuleSet(int version, PointRules rules, UUID changedBy, Instant now) {
        this.version = version;
        this.effectiveAt = now;
        this.rules = rules;
        this.changedBy = changedBy;
        this.createdAt = now;
    }

    public int version() { return version; }
    public Instant effectiveAt() { return effectiveAt; }
    public PointRules rules() { return rules; }
}
