package no.fyrtarn.gamification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.Sql;

/** The append-only points ledger. Rows are only ever inserted. */
@ApplicationScoped
public class PointsLedger implements PanacheRepositoryBase<LedgerEntry, UUID> {

    @Inject
    Sql sql;

    /**
     * Appends the row and adds its points to its employee's total for {@code day} in daily_points, in one statement.
     * @return whether the row was new: false when this (source event, rule) is in the ledger already
     */
    public boolean append(LedgerEntry e, LocalDate day) {
        return sql.first("""
                with added as (
                    insert into points_ledger (id, source_event_id, rule, action, employee_id, points, reason, at,
                                               rule_version, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (source_event_id, rule) do nothing
                    returning employee_id, action, points),
                total as (
                    insert into daily_points (employee_id, day, action, points)
                    select employee_id, ?, action, points from added
                    on conflict (employee_id, day, action) do update set points = daily_points.points + excluded.points)
                select count(*) from added""", row -> row.getInt(1) == 1, e.id(), e.sourceEventId(), e.rule(),
                e.action(), e.employeeId(), e.points(), e.reason(), e.at(), e.ruleVersion(), e.recordedAt(), day)
                .orElseThrow();
    }

    /** Points this employee earned by this action on {@code day} (in fyrtarn.timezone). */
    public int pointsOn(UUID employeeId, Action action, LocalDate day) {
        return sql.first("select points from daily_points where employee_id = ? and day = ? and action = ?",
                row -> row.getInt(1), employeeId, day, action).orElse(0);
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
