package no.fyrtarn.gamification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import no.fyrtarn.infra.NativeRows;
import no.fyrtarn.infra.Sql;

/** Running counts per employee (shares, clicks, last active), weeks with shares, and badges. Native SQL upserts. */
@ApplicationScoped
public class Progress {

    /** An employee's badge and the event that earned it. */
    public record Earned(Badge badge, UUID sourceEventId, Instant awardedAt) {
    }

    /** Counts after an update. */
    public record Counts(int shares, int clicks) {
    }

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    /**
     * Within {@link #batched}: an employee's running counts and weeks with shares in the batch. The first event of an
     * employee or week in the batch writes (and so locks and reads) the row as outside a batch; later ones only count
     * here, and what they added is written once when the batch's work is done.
     */
    private static final class Tally {
        final Map<UUID, Running> players = new HashMap<>();
        final Map<Week, int[]> weeks = new HashMap<>();
    }

    private record Week(UUID employeeId, LocalDate week) {
    }

    /** Counts as of now in the batch, and what was added to them since the row was written. */
    private static final class Running {
        int shares;
        int clicks;
        int addedShares;
        int addedClicks;
        Instant lastActive;

        Running(Counts written) {
            shares = written.shares();
            clicks = written.clicks();
        }

        Counts add(int moreShares, int moreClicks, Instant at) {
            shares += moreShares;
            clicks += moreClicks;
            addedShares += moreShares;
            addedClicks += moreClicks;
            lastActive = lastActive == null || at.isAfter(lastActive) ? at : lastActive;
            return new Counts(shares, clicks);
        }
    }

    private static final ThreadLocal<Tally> TALLY = new ThreadLocal<>();

    /**
     * Runs a consumer batch's scoring (in its transaction) with each employee's counts and each week's share count
     * written twice at most, however many of the batch's events are theirs: an employee who shares or is clicked
     * hundreds of times a second costs two statements per batch, not two per event.
     */
    public void batched(Runnable work) {
        if (TALLY.get() != null) {
            work.run();
            return;
        }
        Tally tally = new Tally();
        TALLY.set(tally);
        try {
            work.run();
            writeAdded(tally);
        } finally {
            TALLY.remove();
        }
    }

    /** Adds to the employee's counts; @return the counts after. */
    public Counts add(UUID employeeId, int shares, int clicks, Instant at) {
        Tally tally = TALLY.get();
        Running running = tally == null ? null : tally.players.get(employeeId);
        if (running != null) {
            return running.add(shares, clicks, at);
        }
        Counts written = sql.first("""
                insert into player (employee_id, shares, clicks, last_active_at) values (?, ?, ?, ?)
                on conflict (employee_id) do update set shares = player.shares + excluded.shares,
                    clicks = player.clicks + excluded.clicks,
                    last_active_at = greatest(player.last_active_at, excluded.last_active_at)
                returning shares, clicks""", row -> new Counts(row.getInt(1), row.getInt(2)),
                employeeId, shares, clicks, at).orElseThrow();
        if (tally != null) {
            tally.players.put(employeeId, new Running(written));
        }
        return written;
    }

    /** Records a share in its week. @return whether it is the first share of that week. */
    public boolean sharedIn(UUID employeeId, LocalDate week) {
        Tally tally = TALLY.get();
        int[] added = tally == null ? null : tally.weeks.get(new Week(employeeId, week));
        if (added != null) {
            added[0]++;
            return false;
        }
        boolean first = sql.first("""
                insert into activity_week (employee_id, week, shares) values (?, ?, 1)
                on conflict (employee_id, week) do update set shares = activity_week.shares + 1
                returning shares""", row -> row.getInt(1) == 1, employeeId, week).orElseThrow();
        if (tally != null) {
            tally.weeks.put(new Week(employeeId, week), new int[1]);
        }
        return first;
    }

    /** What the batch's later events added, one statement per table; the rows are locked since their first write. */
    private void writeAdded(Tally tally) {
        List<Map.Entry<UUID, Running>> players = tally.players.entrySet().stream()
                .filter(e -> e.getValue().lastActive != null).toList();
        if (!players.isEmpty()) {
            int n = players.size();
            UUID[] ids = new UUID[n];
            int[] shares = new int[n], clicks = new int[n];
            Instant[] at = new Instant[n];
            for (int i = 0; i < n; i++) {
                ids[i] = players.get(i).getKey();
                shares[i] = players.get(i).getValue().addedShares;
                clicks[i] = players.get(i).getValue().addedClicks;
                at[i] = players.get(i).getValue().lastActive;
            }
            sql.update("""
                    update player p set shares = p.shares + d.shares, clicks = p.clicks + d.clicks,
                        last_active_at = greatest(p.last_active_at, d.at)
                    from unnest(?, ?, ?, ?) as d(employee_id, shares, clicks, at) where p.employee_id = d.employee_id""",
                    ids, shares, clicks, at);
        }
        List<Map.Entry<Week, int[]>> weeks = tally.weeks.entrySet().stream().filter(e -> e.getValue()[0] > 0).toList();
        if (!weeks.isEmpty()) {
            int n = weeks.size();
            UUID[] ids = new UUID[n];
            LocalDate[] days = new LocalDate[n];
            int[] shares = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = weeks.get(i).getKey().employeeId();
                days[i] = weeks.get(i).getKey().week();
                shares[i] = weeks.get(i).getValue()[0];
            }
            sql.update("""
                    update activity_week a set shares = a.shares + d.shares
                    from unnest(?, ?, ?) as d(employee_id, week, shares)
                    where a.employee_id = d.employee_id and a.week = d.week""", ids, days, shares);
        }
    }

    /** Weeks with shares at or before {@code upTo}, newest first (at most {@code limit}). */
    public List<LocalDate> weeksUpTo(UUID employeeId, LocalDate upTo, int limit) {
        return sql.list("select week from activity_week where employee_id = ? and week <= ? order by week desc limit ?",
                row -> row.getObject(1, LocalDate.class), employeeId, upTo, limit);
    }

    /** Weeks with shares in [from, to), per employee of {@code ids}; {@code to} null: no end. */
    public Map<UUID, Long> activeWeeks(Collection<UUID> ids, LocalDate from, LocalDate to) {
        List<?> rows = em.createNativeQuery("""
                select employee_id, count(*) from activity_week
                where employee_id = any(:ids) and week >= :from and week < :to
                group by employee_id""").setParameter("ids", ids.toArray(UUID[]::new))
                .setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).collect(Collectors.toMap(
                r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }

    /** The first week anyone shared (null: nobody yet). */
    public LocalDate firstActiveWeek() {
        Object first = em.createNativeQuery("select min(week) from activity_week").getSingleResult();
        return first == null ? null : NativeRows.localDate(first);
    }

    /** @return whether the badge is new for the employee */
    public boolean award(UUID employeeId, Badge badge, UUID sourceEventId, Instant at) {
        return sql.update("""
                insert into badge (employee_id, badge, source_event_id, awarded_at) values (?, ?, ?, ?)
                on conflict do nothing""", employeeId, badge, sourceEventId, at) == 1;
    }

    public List<Earned> badges(UUID employeeId) {
        List<?> rows = em.createNativeQuery("""
                select badge, source_event_id, awarded_at from badge where employee_id = :id order by awarded_at, badge""")
                .setParameter("id", employeeId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Earned(Badge.valueOf((String) r[0]), (UUID) r[1],
                NativeRows.instant(r[2]))).toList();
    }

    /** Last time the employee earned anything, per employee of {@code ids}. */
    public Map<UUID, Instant> lastActive(Collection<UUID> ids) {
        List<?> rows = em.createNativeQuery("select employee_id, last_active_at from player where employee_id = any(:ids)")
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(r -> (Object[]) r).collect(Collectors.toMap(
                r -> (UUID) r[0], r -> NativeRows.instant(r[1])));
    }
}
