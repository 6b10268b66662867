package no.fyrtarn.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.leaderboard.LeaderFlags;
import no.fyrtarn.leaderboard.LeaderView;
import no.fyrtarn.leaderboard.TeamMember;
import no.fyrtarn.leaderboard.TeamService;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

/**
 * Leaders' participation: every leader's flag with its reason and, for a leader, their own direct reports with the
 * 90-9-1 split. Leaders, marketing and admins; only a leader's own team is ever shown.
 */
@Path("/leaders")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class LeadersPage {

    /** The 90-9-1 split of a team: how many lurk, contribute and create, and their shares of the team. */
    public record Split(int lurkers, int contributors, int creators) {
        static Split of(List<TeamMember> team) {
            int[] counts = new int[TeamMember.Segment.values().length];
            team.forEach(m -> counts[m.segment().ordinal()]++);
            return new Split(counts[0], counts[1], counts[2]);
        }

        public int total() {
            return lurkers + contributors + creators;
        }

        public double lurkerShare() {
            return share(lurkers);
        }

        public double contributorShare() {
            return share(contributors);
        }

        public double creatorShare() {
            return share(creators);
        }

        private double share(int n) {
            return total() == 0 ? 0 : (double) n / total();
        }
    }

    /** A leader with their flag's reason in the page's language. */
    public record Row(LeaderView leader, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leaders(String period, List<String> periods, List<Row> leaders,
                List<TeamMember> team, Split split);

        static native TemplateInstance leaders$live(List<Row> leaders, List<TeamMember> team, Split split);
    }

    @Inject
    LeaderFlags flags;

    @Inject
    TeamService teams;

    @Inject
    GameCalendar calendar;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @RolesAllowed({ Roles.LEADER, Roles.MARKETING, Roles.ADMIN })
    @Operation(hidden = true)
    public TemplateInstance leaders(@QueryParam("period") @DefaultValue("week") String period) {
        View view = view(period);
        return Templates.leaders(view.period(), Period.labels(), view.leaders(), view.team(), view.split())
                .setLocale(page.locale());
    }

    /** The flags and the team again, which the page fetches whenever the leaderboard changed. */
    @GET
    @Path("live")
    @RolesAllowed({ Roles.LEADER, Roles.MARKETING, Roles.ADMIN })
    @Operation(hidden = true)
    public TemplateInstance live(@QueryParam("period") @DefaultValue("week") String period) {
        View view = view(period);
        return Templates.leaders$live(view.leaders(), view.team(), view.split()).setLocale(page.locale());
    }

    private record View(String period, List<Row> leaders, List<TeamMember> team, Split split) {
    }

    private View view(String period) {
        GameCalendar.Window window = calendar.current(Period.parse(period, "period"));
        List<TeamMember> team = user.hasRole(Roles.LEADER)
                ? teams.reportsOf(user.member().employeeId(), window) : List.of();
        return new View(window.period().label(), flags.all(window).stream().map(this::row).toList(), team,
                Split.of(team));
    }

    private Row row(LeaderView l) {
        return new Row(l, page.msg().flag_reason(l.ownShares(), l.activeWeeks(), l.ownPoints(),
                Fmt.decimal(l.teamMedianPoints(), page.locale()), l.teamSize(), l.flag().name()));
    }
}
