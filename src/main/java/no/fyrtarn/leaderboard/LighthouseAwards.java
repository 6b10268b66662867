package no.fyrtarn.leaderboard;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import no.fyrtarn.gamification.Badge;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Progress;

/**
 * When a week is over, keeps each leader's flag for it; a leader flagged LEADS_BY_EXAMPLE in four weeks running earns
 * the Lighthouse badge. Closing a week twice changes nothing, so every instance may run the job.
 */
@ApplicationScoped
public class LighthouseAwards {

    private static final Logger LOG = Logger.getLogger(LighthouseAwards.class);
    static final int WEEKS_RUNNING = 4;

    @Inject
    LeaderFlags flags;

    @Inject
    Progress progress;

    @Inject
    GameCalendar calendar;

    @Inject
    EntityManager em;

    @Scheduled(cron = "${fyrtarn.leaders.week-close-cron:0 5 0 ? * MON}", timeZone = "${fyrtarn.timezone:Europe/Oslo}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeLastWeek() {
        closeWeek(calendar.week(calendar.now()).minusWeeks(1));
    }

    /** Stores the leaders' flags for the week starting {@code week}; @return how many earned the badge with it. */
    @Transactional
    public int closeWeek(LocalDate week) {
        int awarded = 0;
        for (LeaderView leader : flags.all(calendar.window(Period.WEEK, week))) {
            em.createNativeQuery("""
                    insert into leader_week (leader_id, week, flag) values (:leader, :week, :flag)
                    on conflict (leader_id, week) do nothing""").setParameter("leader", leader.employeeId())
                    .setParameter("week", Date.valueOf(week)).setParameter("flag", leader.flag().name()).executeUpdate();
            if (leader.flag() == LeaderView.Flag.LEADS_BY_EXAMPLE && leadingRunning(leader.employeeId(), week)) {
                UUID source = UUID.nameUUIDFromBytes(("lighthouse:" + leader.employeeId() + ":" + week)
                        .getBytes(StandardCharsets.UTF_8));
                if (progress.award(leader.employeeId(), Badge.LIGHTHOUSE, source, calendar.start(week.plusWeeks(1)))) {
                    awarded++;
                }
            }
        }
        LOG.infof("Closed the week of %s for leaders: %d Lighthouse badges", week, awarded);
        return awarded;
    }

    private boolean leadingRunning(UUID leaderId, LocalDate week) {
        Number leading = (Number) em.createNativeQuery("""
                select count(*) from leader_week
                where leader_id = :leader and week > :from and week <= :week and flag = 'LEADS_BY_EXAMPLE'""")
                .setParameter("leader", leaderId).setParameter("from", Date.valueOf(week.minusWeeks(WEEKS_RUNNING)))
                .setParameter("week", Date.valueOf(week)).getSingleResult();
        return leading.intValue() == WEEKS_RUNNING;
    }
}
