package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Cursor;

/** The append-only points ledger. Rows are only ever inserted. */
@ApplicationScoped
public class PointsLedger implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** @return whether the row was new: false when this (source event, rule) is in the ledger already */
    public boolean append(LedgerEntry e) {
        return getEntityManager().createNativeQuery("""
                insert into points_ledger (id, source_event_id, rule, action, employee_id, points, reason, at,
                                           rule_version, recorded_at)
                values (:id, :source, :rule, :action, :employee, :points, :reason, :at, :version, :recorded)
                on conflict (source_event_id, rule) do nothing""")
                .setParameter("id", e.id()).setParameter("source", e.sourceEventId()).setParameter("rule", e.rule())
                .setParameter("action", e.action().name()).setParameter("employee", e.employeeId())
                .setParameter("points", e.points()).setParameter("reason", e.reason()).setParameter("at", e.at())
                .setParameter("version", e.ruleVersion()).setParameter("recorded", e.recordedAt())
                .executeUpdate() == 1;
    }

    /** Points this employee earned by this action in [from, to). */
    public int pointsBetween(UUID employeeId, Action action, Instant from, Instant to) {
        Number sum = (Number) getEntityManager().createNativeQuery("""
                select coalesce(sum(points), 0) from points_ledger
                where employee_id = :employee and at >= :from and at < :to and action = :action""")
                .setParameter("employee", employeeId).setParameter("from", from).setParameter("to", to)
                .setParameter("action", action.name()).getSingleResult();
        return sum.intValue();
    }

    /** The employee's entries that earned points, newest first, after the cursor; limit + 1 rows. */
    public List<LedgerEntry> page(UUID employeeId, Cursor.At after, int limit) {
        String where = "employeeId = ?1 and points <> 0"
                + (after == null ? "" : " and (at < ?2 or (at = ?2 and id < ?3))");
        var query = after == null ? find(where + " order by at desc, id desc", employeeId)
                : find(where + " order by at desc, id desc", employeeId, after.at(), after.id());
        return query.withHint(HibernateHints.HINT_READ_ONLY, true).page(0, limit).list();
    }
}
