package no.fyrtarn.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.post.Network;

/**
 * What each kind of activity earns: points under the rules, running counts, the share's week (streaks), badges and
 * challenge progress. Called once per event, in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Scoring {

    private static final int STREAK_LOOKBACK_WEEKS = 260;
    /** Streak lengths with a badge, shortest first: a share reads no more weeks than the last to award them. */
    private static final int[] STREAK_BADGES = { 4, 12 };
    private static final int CLICK_BADGE = 100;

    @Inject
    Points points;

    @Inject
    Progress progress;

    @Inject
    GameCalendar calendar;

    @Inject
    ChallengeService challenges;

    /**
     * Scores a consumer batch's events (the calls {@code work} makes) with each employee's running counts written once
     * per batch rather than once per event ({@link Progress#batched}).
     */
    public void batched(Runnable work) {
        progress.batched(work);
    }

    /** Any share keeps the streak alive; only the first share of a post on a network earns points and counts. */
    public void shared(UUID eventId, UUID employeeId, UUID postId, Network network, boolean firstOnNetwork, Instant at) {
        LocalDate week = calendar.week(at);
        if (progress.sharedIn(employeeId, week)) { // a week that had a share already has had its streak judged
            int streak = consecutive(progress.weeksUpTo(employeeId, week, STREAK_BADGES[STREAK_BADGES.length - 1]));
            for (int weeks : STREAK_BADGES) {
                if (streak >= weeks) {
                    progress.award(employeeId, Badge.forStreak(weeks), eventId, at);
                }
            }
        }
        if (!firstOnNetwork) {
            progress.add(employeeId, 0, 0, at);
            return;
        }
        points.score(eventId, Action.SHARE, employeeId, new LedgerEntry.Subject(postId, network), at,
                "Shared a post on " + network.label());
        // counts grow by one per event in the event's transaction, so each badge's count is met exactly once
        Badge earned = Badge.forShares(progress.add(employeeId, 1, 0, at).shares());
        if (earned != null) {
            progress.award(employeeId, earned, eventId, at);
        }
        challenges.shared(eventId, employeeId, postId, at);
    }

    public void clicked(UUID clickId, UUID employeeId, UUID postId, Network network, Instant at) {
        points.score(clickId, Action.CLICK, employeeId, new LedgerEntry.Subject(postId, network), at,
                "A click on your link on " + network.label());
        if (progress.add(employeeId, 0, 1, at).clicks() == CLICK_BADGE) {
            progress.award(employeeId, Badge.CLICKS_100, clickId, at);
        }
    }

    public void suggestionPublished(UUID eventId, UUID employeeId, UUID postId, String title, Instant at) {
        points.score(eventId, Action.SUGGESTION, employeeId, new LedgerEntry.Subject(postId, null), at,
                "Your suggestion was published: " + title);
        progress.add(employeeId, 0, 0, at);
    }

    /** Consecutive weeks with a share up to this week, or up to last week while this week has none yet. */
    @Transactional
    public int currentStreak(UUID employeeId) {
        LocalDate thisWeek = calendar.week(calendar.now());
        List<LocalDate> weeks = progress.weeksUpTo(employeeId, thisWeek, STREAK_LOOKBACK_WEEKS);
        if (weeks.isEmpty() || weeks.get(0).isBefore(thisWeek.minusWeeks(1))) {
            return 0;
        }
        return consecutive(weeks);
    }

    /** How many of these weeks (newest first) follow each other without a gap, from the first. */
    static int consecutive(List<LocalDate> newestFirst) {
        int run = newestFirst.isEmpty() ? 0 : 1;
        while (run < newestFirst.size() && newestFirst.get(run).equals(newestFirst.get(run - 1).minusWeeks(1))) {
            run++;
        }
        return run;
    }
}
