package no.fyrtarn.web;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Points;
import no.fyrtarn.infra.Page;
import no.fyrtarn.leaderboard.LeaderboardService;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

/**
 * My points this week and in all, then what earned them, newest first, each line in the page's language from the
 * ledger's data (the post and network, the challenge). The lines of {@code GET /api/me/points}, except that a day's
 * clicks on one link are one line.
 */
@Path("/points")
@WebPage
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.TEXT_HTML)
public class PointsPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance points(long week, long total, Page<Points.DayLine> history);

        static native TemplateInstance points$lines(Page<Points.DayLine> history);
    }

    @Inject
    Points points;

    @Inject
    LeaderboardService leaderboards;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @Operation(hidden = true)
    public TemplateInstance history(@QueryParam("cursor") String cursor) {
        UUID me = user.member().employeeId();
        return Templates.points(leaderboards.pointsOf(me, Period.WEEK), leaderboards.pointsOf(me, Period.ALL),
                lines(cursor)).setLocale(page.locale());
    }

    /** The next lines, for infinite scrolling. */
    @GET
    @Path("lines")
    @Operation(hidden = true)
    public TemplateInstance more(@QueryParam("cursor") String cursor) {
        return Templates.points$lines(lines(cursor)).setLocale(page.locale());
    }

    private Page<Points.DayLine> lines(String cursor) {
        return points.historyByDay(user.member().employeeId(), cursor, PAGE_SIZE);
    }
}
