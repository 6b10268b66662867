package no.fyrtarn.leaderboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.People;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Progress;

/**
 * Does each leader lead by example? LEADS_BY_EXAMPLE when they shared on average at least fyrtarn.leaders
 * .min-shares-per-week posts a week in the period and have at least their direct reports' median points;
 * NEEDS_ATTENTION when they shared nothing in the period; else ON_TRACK.
 */
@ApplicationScoped
@Transactional
public class LeaderFlags {

    @Inject
    People people;

    @Inject
    LeaderboardRepository board;

    @Inject
    Progress progress;

    @Inject
    GameCalendar calendar;

    @Inject
    LeadersConfig config;

    /** Every leader's flag in the window, by name. */
    public List<LeaderView> all(GameCalendar.Window window) {
        return flags(window, people.leaders());
    }

    /** The flags of those among these people who are leaders. */
    public Map<UUID, LeaderView> of(GameCalendar.Window window, Collection<People.Person> candidates) {
        return flags(window, candidates.stream().filter(People.Person::leader).toList()).stream()
                .collect(Collectors.toMap(LeaderView::employeeId, v -> v));
    }

    private List<LeaderView> flags(GameCalendar.Window window, List<People.Person> leaders) {
        if (leaders.isEmpty()) {
            return List.of();
        }
        List<UUID> leaderIds = leaders.stream().map(People.Person::employeeId).toList();
        Map<UUID, List<UUID>> reports = people.reportsOf(leaderIds).stream().collect(Collectors.groupingBy(
                People.Person::managerId, Collectors.mapping(People.Person::employeeId, Collectors.toList())));
        Map<UUID, Standing> standings = board.of(window, Stream.concat(leaderIds.stream(),
                reports.values().stream().flatMap(List::stream)).toList());
        LocalDate fromWeek = window.period() == Period.ALL ? LocalDate.EPOCH : Period.WEEK.bucket(window.bucket());
        LocalDate toWeek = window.to() == null ? null : window.period().end(window.bucket());
        Map<UUID, Long> activeWeeks = progress.activeWeeks(leaderIds, fromWeek, toWeek);
        long weeks = calendar.weeksSoFar(window, window.period() == Period.ALL ? progress.firstActiveWeek() : null);
        List<LeaderView> views = new ArrayList<>();
        for (People.Person leader : leaders) {
            Standing own = standings.getOrDefault(leader.employeeId(), Standing.none(leader.employeeId()));
            List<UUID> team = reports.getOrDefault(leader.employeeId(), List.of());
            double median = median(team.stream().mapToLong(id -> standings.containsKey(id) ? standings.get(id).points() : 0)
                    .sorted().toArray());
            views.add(judge(leader, own, team.size(), median, activeWeeks.getOrDefault(leader.employeeId(), 0L),
                    weeks, window.period()));
        }
        return views;
    }

    private LeaderView judge(People.Person leader, Standing own, int teamSize, double median, long activeWeeks,
            long weeks, Period period) {
        double perWeek = (double) own.shares() / weeks;
        boolean sharesEnough = perWeek >= config.minSharesPerWeek();
        boolean pointsEnough = own.points() >= config.minShareOfTeamMedian() * median;
        LeaderView.Flag flag;
        String reason;
        String shared = String.format(Locale.ROOT, "Shared %d %s in %d %s", own.shares(),
                own.shares() == 1 ? "time" : "times", weeks, weeks == 1 ? "week" : "weeks");
        String points = String.format(Locale.ROOT, "%d points, %s the team's median of %s", own.points(),
                pointsEnough ? "at least" : "below", number(median));
        if (own.shares() == 0) {
            flag = LeaderView.Flag.NEEDS_ATTENTION;
            reason = (period == Period.ALL ? "Shared nothing yet" : "Shared nothing this " + period.label()) + " ("
                    + points + ")";
        } else if (sharesEnough && pointsEnough) {
            flag = LeaderView.Flag.LEADS_BY_EXAMPLE;
            reason = shared + " (at least " + number(config.minSharesPerWeek()) + " a week) and has " + points;
        } else {
            flag = LeaderView.Flag.ON_TRACK;
            reason = shared + (sharesEnough ? "" : " (fewer than " + number(config.minSharesPerWeek()) + " a week)")
                    + " and has " + points;
        }
        return new LeaderView(leader.employeeId(), leader.name(), leader.team(), teamSize, own.points(), median,
                own.shares(), activeWeeks, flag, reason);
    }

    static double median(long[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
