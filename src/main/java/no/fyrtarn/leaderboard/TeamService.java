package no.fyrtarn.leaderboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.People;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Progress;

/** A leader's view of their direct reports. */
@ApplicationScoped
@Transactional
public class TeamService {

    @Inject
    People people;

    @Inject
    LeaderboardRepository board;

    @Inject
    Progress progress;

    public List<TeamMember> reportsOf(UUID leaderId, GameCalendar.Window window) {
        List<People.Person> reports = people.reportsOf(List.of(leaderId));
        List<UUID> ids = reports.stream().map(People.Person::employeeId).toList();
        Map<UUID, Standing> standings = board.of(window, ids);
        Map<UUID, Instant> lastActive = ids.isEmpty() ? Map.of() : progress.lastActive(ids);
        return reports.stream().map(p -> {
            Standing s = standings.getOrDefault(p.employeeId(), Standing.none(p.employeeId()));
            return new TeamMember(p.employeeId(), p.name(), s.points(), s.shares(), s.clicks(),
                    lastActive.get(p.employeeId()), TeamMember.Segment.of(s));
        }).sorted(Comparator.comparingLong(TeamMember::points).reversed().thenComparing(TeamMember::name)).toList();
    }
}
