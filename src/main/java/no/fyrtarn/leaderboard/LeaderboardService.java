package no.fyrtarn.leaderboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.People;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.Spaces;

/** Leaderboards and ranks, read from the leaderboard read model. */
@ApplicationScoped
@Transactional
public class LeaderboardService {

    /**
     * Someone's points this week, this month and in all, their ranks in the company and their team, and the clicks
     * counted on their links in all (also those the day's cap left without points).
     */
    public record Summary(long week, long month, long total, long companyRank, Long teamRank, long clicks) {
    }

    @Inject
    LeaderboardRepository board;

    @Inject
    People people;

    @Inject
    LeaderFlags flags;

    @Inject
    GameCalendar calendar;

    /**
     * The company board lists those with points in the period (top {@code limit}); the team and leaders boards list
     * everyone in them, with 0 points where they did nothing.
     */
    public Board board(Period period, Scope scope, String team, int limit, DirectoryService.Member caller) {
        GameCalendar.Window window = calendar.current(period);
        List<Standing> ranked;
        Map<UUID, People.Person> who;
        if (scope == Scope.COMPANY) {
            ranked = board.top(window, limit);
            who = people.byId(ranked.stream().map(Standing::employeeId).toList());
        } else {
            List<People.Person> members = scope == Scope.LEADERS ? people.leaders() : teamOf(team, caller);
            Map<UUID, Standing> standings = board.of(window, members.stream().map(People.Person::employeeId).toList());
            ranked = members.stream().map(p -> standings.getOrDefault(p.employeeId(), Standing.none(p.employeeId())))
                    .sorted(Comparator.comparingLong(Standing::points).reversed()
                            .thenComparing(Standing::employeeId))
                    .limit(limit).toList();
            who = members.stream().collect(Collectors.toMap(People.Person::employeeId, p -> p));
        }
        Map<UUID, LeaderView> leaderFlags = flags.of(window, ranked.stream().map(s -> who.get(s.employeeId())).toList());
        List<Board.Entry> entries = new ArrayList<>(ranked.size());
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Standing s = ranked.get(i);
            if (i == 0 || s.points() != ranked.get(i - 1).points()) {
                rank = i + 1;
            }
            People.Person p = who.get(s.employeeId());
            LeaderView flag = leaderFlags.get(s.employeeId());
            entries.add(new Board.Entry(rank, s.employeeId(), p.name(), p.team(), s.points(), s.shares(), s.clicks(),
                    p.leader(), flag != null && flag.flag() == LeaderView.Flag.LEADS_BY_EXAMPLE));
        }
        return new Board(period.label(), scope.label(), window.from(), window.to(), entries);
    }

    /** Points and ranks of one employee; ranks are for {@code rankPeriod}, 1 + how many have more points. */
    public Summary summary(DirectoryService.Member member, Period rankPeriod) {
        UUID id = member.employeeId();
        long week = pointsOf(id, Period.WEEK);
        long month = pointsOf(id, Period.MONTH);
        Standing all = standingOf(id, Period.ALL);
        long total = all.points();
        GameCalendar.Window window = calendar.current(rankPeriod);
        long mine = switch (rankPeriod) {
            case WEEK -> week;
            case MONTH -> month;
            case ALL -> total;
            case QUARTER -> pointsOf(id, Period.QUARTER);
        };
        long companyRank = 1 + board.ahead(window, mine);
        Long teamRank = null;
        if (member.team() != null) {
            List<UUID> team = teamOf(member.team(), member).stream().map(People.Person::employeeId).toList();
            teamRank = 1 + board.of(window, team).values().stream().filter(s -> s.points() > mine).count();
        }
        return new Summary(week, month, total, companyRank, teamRank, all.clicks());
    }

    /** Points in a week: {@code week} is the Monday it starts on. */
    public record WeekPoints(LocalDate week, long points) {
    }

    /** Someone's points in each of the last {@code weeks} weeks, this one included, oldest first. */
    public List<WeekPoints> weekly(UUID employeeId, int weeks) {
        LocalDate thisWeek = calendar.current(Period.WEEK).bucket();
        List<LocalDate> buckets = new ArrayList<>(weeks);
        for (int i = weeks - 1; i >= 0; i--) {
            buckets.add(thisWeek.minusWeeks(i));
        }
        Map<LocalDate, Long> points = board.weekly(employeeId, buckets);
        return buckets.stream().map(w -> new WeekPoints(w, points.getOrDefault(w, 0L))).toList();
    }

    /** Someone's points in the current {@code period}, from the board's read model. */
    public long pointsOf(UUID employeeId, Period period) {
        return standingOf(employeeId, period).points();
    }

    private Standing standingOf(UUID employeeId, Period period) {
        return board.of(calendar.current(period), List.of(employeeId)).getOrDefault(employeeId,
                Standing.none(employeeId));
    }

    private List<People.Person> teamOf(String team, DirectoryService.Member caller) {
        String name = Spaces.isBlank(team) ? caller.team() : Spaces.stripped(team);
        if (name == null) {
            throw ProblemException.badRequest("team", Language.text("fyrtarn.team.required"));
        }
        return people.team(name).orElseThrow(() -> ProblemException.notFound("Team " + name));
    }
}
