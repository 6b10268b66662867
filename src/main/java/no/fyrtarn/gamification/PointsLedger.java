package no.fyrtarn.gamification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Cursor;

/** The append-only points ledger. Rows are only ever inserted. */
@ApplicationScoped
public class PointsLedger implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /**
     * Appends the row and adds its points to its employee's total for {@code day} in daily_points, in one statement.
     * @return whether the row was new: false when this (source event, rule) is in the ledger already
     */
    public boolean append(LedgerEntry e, LocalDate day) {
        Number added = (Number) getEntityManager().createNativeQuery("""
                with added as (
                    insert into points_ledger (id, source_event_id, rule, action, employee_id, points, reason, at,
                                               rule_version, recorded_at)
                    values (:id, :source, :rule, :action, :employee, :points, :reason, :at, :version, :recorded)
                    on conflict (source_event_id, rule) do nothing
                    returning employee_id, action, points),
                total as (
                    insert into daily_points (employee_id, day, action, points)
                    select employee_id, :day, action, points from added
                    on conflict (employee_id, day, action) do update set points = daily_points.points + excluded.points)
                select count(*) from added""")
                .setParameter("id", e.id()).setParameter("source", e.sourceEventId()).setParameter("rule", e.rule())
                .setParameter("action", e.action().name()).setParameter("employee", e.employeeId())
                .setParameter("points", e.points()).setParameter("reason", e.reason()).setParameter("at", e.at())
                .setParameter("version", e.ruleVersion()).setParameter("recorded", e.recordedAt())
                .setParameter("day", day).getSingleResult();
        return added.intValue() == 1;
    }

    /** Points this employee earned by this action on {@code day} (in fyrtarn.timezone). */
    public int pointsOn(UUID employeeId, Action action, LocalDate day) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select points from daily_points where employee_id = :employee and day = :day and action = :action""")
                .setParameter("employee", employeeId).setParameter("day", day).setParameter("action", action.name())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
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
