package no.fyrtarn.gamification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

/** The append-only points ledger. Rows are only ever inserted. */
@ApplicationScoped
public class PointsLedger implements PanacheRepositoryBase<LedgerEntry, UUID> {

    @Inject
    Sql sql;

    /**
     * Appends the row and adds its points to its employee's total for {@code day} in daily_points, and a click to its
     * link's line for the day in click_day, in one statement.
     * @return whether the row was new: false when this (source event, rule) is in the ledger already
     */
    public boolean append(LedgerEntry e, LocalDate day) {
        return sql.first("""
                with added as (
                    insert into points_ledger (id, source_event_id, rule, action, employee_id, points, reason,
                                               post_id, network, capped, at, rule_version, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (source_event_id, rule) do nothing
                    returning id, employee_id, action, points, post_id, network, capped, at),
                total as (
                    insert into daily_points (employee_id, day, action, points)
                    select employee_id, ?, action, points from added
                    on conflict (employee_id, day, action) do update set points = daily_points.points + excluded.points),
                clicks as (
                    insert into click_day (employee_id, day, post_id, network, clicks, points, capped, last_at, last_id)
                    select employee_id, ?, post_id, network, 1, points, capped, at, id from added where action = 'CLICK'
                    on conflict (employee_id, day, post_id, network) do update
                       set clicks = click_day.clicks + 1, points = click_day.points + excluded.points,
                           capped = click_day.capped or excluded.capped,
                           last_at = greatest(click_day.last_at, excluded.last_at),
                           last_id = case
                               when (excluded.last_at, excluded.last_id) > (click_day.last_at, click_day.last_id)
                               then excluded.last_id else click_day.last_id end)
                select count(*) from added""", row -> row.getInt(1) == 1, e.id(), e.sourceEventId(), e.rule(),
                e.action(), e.employeeId(), e.points(), e.reason(), e.postId(), e.network(), e.capped(), e.at(),
                e.ruleVersion(), e.recordedAt(), day, day)
                .orElseThrow();
    }

    /** Points this employee earned by this action on {@code day} (in fyrtarn.timezone). */
    public int pointsOn(UUID employeeId, Action action, LocalDate day) {
        return sql.first("select points from daily_points where employee_id = ? and day = ? and action = ?",
                row -> row.getInt(1), employeeId, day, action).orElse(0);
    }

    /**
     * Ledger rows as their employee's history shows them: with the post's title, or the challenge's name; from
     * {@link #pageByDay}, without a reason or source event, and for clicks {@code count} of them summed, at the newest
     * one's time and with its id.
     */
    public record Earned(UUID id, Instant at, int points, int count, String reason, UUID sourceEventId, Action action,
            UUID postId, Network network, String title, boolean capped) {
    }

    /** What {@link #page} and {@link #pageByDay} read of each line, joined to its post or challenge. */
    private static final String LINES = """
            select l.id, l.at, l.points, l.count, l.reason, l.source_event_id, l.action, l.post_id, l.network,
                   coalesce(p.title, c.name), l.capped
              from %s l
              left join post p on p.id = l.post_id
              left join challenge c on l.action = 'CHALLENGE' and l.rule = 'CHALLENGE:' || c.id
             where %s
             order by l.at desc, l.id desc
             limit ?""";

    /** The employee's entries that earned points, newest first, after the cursor; limit + 1 rows. */
    public List<Earned> page(UUID employeeId, Cursor.At after, int limit) {
        return sql.list(LINES.formatted("(select *, 1 as count from points_ledger)",
                "l.employee_id = ? and l.points <> 0" + (after == null ? "" : " and (l.at, l.id) < (?, ?)")),
                PointsLedger::earned, parameters(after, limit, employeeId));
    }

    /**
     * As {@link #page}, with the clicks on one link in one day (in fyrtarn.timezone) as one line from click_day: their
     * points summed, at the newest one's time. A popular link's clicks would otherwise fill the history a point at a
     * time. Lines the day's cap left at nought are in too, so a day's clicks are all those counted, as the feed's card
     * says. It reads a page of the ledger's other lines and a page of click_day's, however long the history.
     */
    public List<Earned> pageByDay(UUID employeeId, Cursor.At after, int limit) {
        String since = after == null ? "" : "and (%s) < (?, ?)";
        String lines = """
                ((select id, at, points, 1 as count, null as reason, null::uuid as source_event_id, action, post_id,
                         network, rule, capped
                    from points_ledger
                   where employee_id = ? and action <> 'CLICK' %s
                   order by at desc, id desc
                   limit ?)
                 union all
                 (select last_id, last_at, points, clicks, null, null, 'CLICK', post_id, network, 'CLICK', capped
                    from click_day
                   where employee_id = ? %s
                   order by last_at desc, last_id desc
                   limit ?))""".formatted(since.formatted("at, id"), since.formatted("last_at, last_id"));
        Object[] each = parameters(after, limit, employeeId);
        return sql.list(LINES.formatted(lines, "true"), PointsLedger::earned,
                Stream.of(each, each, new Object[] { limit }).flatMap(Arrays::stream).toArray());
    }

    /** {@code first}, then the cursor's position if any, then the limit. */
    private static Object[] parameters(Cursor.At after, int limit, Object... first) {
        List<Object> all = new ArrayList<>(List.of(first));
        if (after != null) {
            all.add(after.at());
            all.add(after.id());
        }
        all.add(limit);
        return all.toArray();
    }

    private static Earned earned(ResultSet row) throws SQLException {
        String network = row.getString(9);
        return new Earned(Sql.uuid(row, 1), Sql.instant(row, 2), row.getInt(3), row.getInt(4), row.getString(5),
                Sql.uuid(row, 6), Action.valueOf(row.getString(7)), Sql.uuid(row, 8),
                network == null ? null : Network.valueOf(network), row.getString(10), row.getBoolean(11));
    }
}
