package no.fyrtarn.leaderboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.infra.NativeRows;
import no.fyrtarn.infra.Sql;

/**
 * The leaderboard read model: per period bucket and employee, points and counts. A board reads one bucket through the
 * (period, bucket, points desc) index, so its cost depends on the board's size, never on the ledger's.
 */
@ApplicationScoped
public class LeaderboardRepository {

    /** What to add to one employee's row in one bucket. */
    public record Delta(Period period, java.time.LocalDate bucket, UUID employeeId, long points, int shares, int clicks,
            int creations) {
    }

    private static final String COLUMNS = "employee_id, points, shares, clicks, creations ";

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    /** Adds the deltas in one JDBC batch. */
    public void add(Collection<Delta> deltas) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into leaderboard_entry (period, bucket, employee_id, points, shares, clicks, creations)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (period, bucket, employee_id) do update set
                        points = leaderboard_entry.points + excluded.points,
                        shares = leaderboard_entry.shares + excluded.shares,
                        clicks = leaderboard_entry.clicks + excluded.clicks,
                        creations = leaderboard_entry.creations + excluded.creations""")) {
                for (Delta d : deltas) {
                    insert.setString(1, d.period().name());
                    insert.setDate(2, Date.valueOf(d.bucket()));
                    insert.setObject(3, d.employeeId());
                    insert.setLong(4, d.points());
                    insert.setInt(5, d.shares());
                    insert.setInt(6, d.clicks());
                    insert.setInt(7, d.creations());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Rows of those who left the company count on no board. */
    private static final String IN_COMPANY =
            " and not exists (select 1 from employee e where e.id = employee_id and e.left_at is not null) ";

    /**
     * The top of the whole company in the window, most points first (ties by employee id, for a stable order), of
     * those in it.
     */
    public List<Standing> top(GameCalendar.Window window, int limit) {
        return standings(window, IN_COMPANY + "order by points desc, employee_id limit ?", limit);
    }

    /** These employees' rows in the window (those without a row are left out). */
    public Map<UUID, Standing> of(GameCalendar.Window window, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return standings(window, "and employee_id = any(?)", (Object) ids.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(Standing::employeeId, s -> s));
    }

    /** One employee's points in each of these weekly buckets (weeks without points are left out). */
    public Map<LocalDate, Long> weekly(UUID employeeId, Collection<LocalDate> weeks) {
        List<?> rows = em.createNativeQuery("""
                select bucket, points from leaderboard_entry
                where period = 'WEEK' and bucket = any(:weeks) and employee_id = :employee""")
                .setParameter("weeks", weeks.stream().map(Date::valueOf).toArray(Date[]::new))
                .setParameter("employee", employeeId).getResultList();
        return rows.stream().map(r -> (Object[]) r).collect(Collectors.toMap(
                r -> NativeRows.localDate(r[0]), r -> ((Number) r[1]).longValue()));
    }

    /** How many in the whole company have more points than this in the window. */
    public long ahead(GameCalendar.Window window, long points) {
        return ((Number) em.createNativeQuery("""
                select count(*) from leaderboard_entry where period = :period and bucket = :bucket and points > :points"""
                + IN_COMPANY)
                .setParameter("period", window.period().name()).setParameter("bucket", Date.valueOf(window.bucket()))
                .setParameter("points", points).getSingleResult()).longValue();
    }

    /** The window's rows that match {@code rest}, with its parameters. Boards run this on every request. */
    private List<Standing> standings(GameCalendar.Window window, String rest, Object... parameters) {
        Object[] all = new Object[parameters.length + 2];
        all[0] = window.period();
        all[1] = window.bucket();
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        return sql.list("select " + COLUMNS + "from leaderboard_entry where period = ? and bucket = ? " + rest,
                row -> new Standing(Sql.uuid(row, 1), row.getLong(2), row.getInt(3), row.getInt(4), row.getInt(5)),
                all);
    }
}
