package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.NativeRows;

@ApplicationScoped
public class ChallengeRepository implements PanacheRepositoryBase<Challenge, UUID> {

    /** One employee's progress in one challenge. */
    public record Standing(UUID challengeId, UUID employeeId, int shares, Instant completedAt) {
    }

    /** Challenges that end after {@code at} (running then, or still to come). */
    public List<Challenge> endingAfter(Instant at) {
        return find("endsAt > ?1", at).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** Challenges not yet over at {@code now}, ending soonest first, after the cursor; limit + 1 rows. */
    public List<Challenge> notOver(Instant now, Cursor.At after, int limit) {
        var query = after == null ? find("endsAt > ?1 order by endsAt, id", now)
                : find("endsAt > ?1 and (endsAt > ?2 or (endsAt = ?2 and id > ?3)) order by endsAt, id", now,
                        after.at(), after.id());
        return query.withHint(HibernateHints.HINT_READ_ONLY, true).page(0, limit).list();
    }

    /** Adds a share to the employee's progress; @return their progress after. */
    public Standing addShare(UUID challengeId, UUID employeeId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                insert into challenge_progress (challenge_id, employee_id, shares) values (:challenge, :employee, 1)
                on conflict (challenge_id, employee_id) do update set shares = challenge_progress.shares + 1
                returning shares, completed_at""").setParameter("challenge", challengeId)
                .setParameter("employee", employeeId).getSingleResult();
        return new Standing(challengeId, employeeId, ((Number) row[0]).intValue(),
                NativeRows.instant(row[1]));
    }

    public void completed(UUID challengeId, UUID employeeId, Instant at) {
        getEntityManager().createNativeQuery("""
                update challenge_progress set completed_at = :at where challenge_id = :challenge and employee_id = :employee""")
                .setParameter("at", at).setParameter("challenge", challengeId).setParameter("employee", employeeId)
                .executeUpdate();
    }

    /** The employee's progress in these challenges, by challenge id. */
    public Map<UUID, Standing> standings(UUID employeeId, Collection<UUID> challengeIds) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select challenge_id, shares, completed_at from challenge_progress
                where employee_id = :employee and challenge_id = any(:ids)""").setParameter("employee", employeeId)
                .setParameter("ids", challengeIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(r -> (Object[]) r).collect(Collectors.toMap(r -> (UUID) r[0],
                r -> new Standing((UUID) r[0], employeeId, ((Number) r[1]).intValue(),
                        NativeRows.instant(r[2]))));
    }

    /** Everyone's progress in one challenge, most shares first, after the cursor ("shares:employeeId"). */
    public List<Standing> standings(UUID challengeId, Standing after, int limit) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select employee_id, shares, completed_at from challenge_progress
                where challenge_id = :challenge
                  and (shares < :afterShares or (shares = :afterShares and employee_id > :afterEmployee))
                order by shares desc, employee_id limit :limit""").setParameter("challenge", challengeId)
                .setParameter("afterShares", after == null ? Integer.MAX_VALUE : after.shares())
                .setParameter("afterEmployee", after == null ? new UUID(0, 0) : after.employeeId())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Standing(challengeId, (UUID) r[0],
                ((Number) r[1]).intValue(), NativeRows.instant(r[2]))).toList();
    }
}
