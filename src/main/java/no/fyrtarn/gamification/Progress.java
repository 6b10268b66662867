package no.fyrtarn.gamification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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

    /** Adds to the employee's counts; @return the counts after. */
    public Counts add(UUID employeeId, int shares, int clicks, Instant at) {
        return sql.first("""
                insert into player (employee_id, shares, clicks, last_active_at) values (?, ?, ?, ?)
                on conflict (employee_id) do update set shares = player.shares + excluded.shares,
                    clicks = player.clicks + excluded.clicks,
                    last_active_at = greatest(player.last_active_at, excluded.last_active_at)
                returning shares, clicks""", row -> new Counts(row.getInt(1), row.getInt(2)),
                employeeId, shares, clicks, at).orElseThrow();
    }

    /** Records a share in its week. @return whether it is the first share of that week. */
    public boolean sharedIn(UUID employeeId, LocalDate week) {
        return sql.first("""
                insert into activity_week (employee_id, week, shares) values (?, ?, 1)
                on conflict (employee_id, week) do update set shares = activity_week.shares + 1
                returning shares""", row -> row.getInt(1) == 1, employeeId, week).orElseThrow();
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
