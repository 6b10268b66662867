package no.fyrtarn.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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
import no.fyrtarn.gamification.Period;
import no.fyrtarn.leaderboard.Board;
import no.fyrtarn.leaderboard.LeaderboardService;
import no.fyrtarn.leaderboard.LeaderboardService.WeekPoints;
import no.fyrtarn.leaderboard.Scope;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

/**
 * The leaderboard: period and scope tabs, the caller's own row marked, leaders who lead by example with a lighthouse,
 * live updates from {@code /api/leaderboard/stream}, and the caller's points per week as a bar chart.
 */
@Path("/leaderboard")
@WebPage
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.TEXT_HTML)
public class LeaderboardPage {

    static final int LIMIT = 50;
    static final int CHART_WEEKS = 8;

    /** The board to show; {@code board} is null for the team board of someone in no team. */
    public record View(String period, String scope, Board board, UUID me) {
    }

    /** One week's bar in the SVG chart (a 320 × 140 box, bars up to 90 high: the highest one's label above it). */
    public record Bar(WeekPoints week, int x, int height) {
        public int y() {
            return 110 - height;
        }

        public int labelY() {
            return y() - 6;
        }

        public int middle() {
            return x + 14;
        }
    }

    /** The chart: bars scaled to the highest week. */
    public record Chart(List<Bar> bars) {
        static Chart of(List<WeekPoints> weeks) {
            long max = Math.max(1, weeks.stream().mapToLong(WeekPoints::points).max().orElse(0));
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                bars.add(new Bar(weeks.get(i), 6 + 40 * i, (int) (weeks.get(i).points() * 90 / max)));
            }
            return new Chart(bars);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leaderboard(View view, Chart chart, List<String> periods, List<String> scopes);

        static native TemplateInstance leaderboard$table(View view);

        static native TemplateInstance leaderboard$chart(Chart chart);
    }

    @Inject
    LeaderboardService leaderboards;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @Operation(hidden = true)
    public TemplateInstance leaderboard(@QueryParam("period") @DefaultValue("week") String period,
            @QueryParam("scope") @DefaultValue("company") String scope) {
        return Templates.leaderboard(view(period, scope), chart(), Period.labels(),
                Stream.of(Scope.values()).map(Scope::label).toList()).setLocale(page.locale());
    }

    /** The table alone, fetched again on every change notice from the stream. */
    @GET
    @Path("table")
    @Operation(hidden = true)
    public TemplateInstance table(@QueryParam("period") @DefaultValue("week") String period,
            @QueryParam("scope") @DefaultValue("company") String scope) {
        return Templates.leaderboard$table(view(period, scope)).setLocale(page.locale());
    }

    /** The caller's points per week alone, fetched again on every change notice too. */
    @GET
    @Path("chart")
    @Operation(hidden = true)
    public TemplateInstance chartAlone() {
        return Templates.leaderboard$chart(chart()).setLocale(page.locale());
    }

    private Chart chart() {
        return Chart.of(leaderboards.weekly(user.member().employeeId(), CHART_WEEKS));
    }

    private View view(String period, String scope) {
        Period p = Period.parse(period, "period");
        Scope s = Scope.parse(scope);
        var member = user.member();
        Board board = s == Scope.TEAM && member.team() == null ? null
                : leaderboards.board(p, s, null, LIMIT, member);
        return new View(p.label(), s.label(), board, member.employeeId());
    }
}
