package no.fyrtarn.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Points;
import no.fyrtarn.infra.Cursor;
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
        static native TemplateInstance points(long week, long total, Page<Points.DayLine> history, List<Day> days);

        static native TemplateInstance points$lines(Page<Points.DayLine> history, List<Day> days);
    }

    /**
     * The lines of one day (in {@code fyrtarn.timezone}), under its heading. {@code continued}: the line before the
     * first, on the page before, is of the same day, so the heading is there already.
     */
    public record Day(LocalDate date, boolean today, boolean yesterday, boolean continued,
            List<Points.DayLine> lines) {
    }

    @Inject
    Points points;

    @Inject
    LeaderboardService leaderboards;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @Inject
    GameCalendar calendar;

    @GET
    @Operation(hidden = true)
    public TemplateInstance history(@QueryParam("cursor") String cursor) {
        UUID me = user.member().employeeId();
        Page<Points.DayLine> lines = lines(cursor);
        return Templates.points(leaderboards.pointsOf(me, Period.WEEK), leaderboards.pointsOf(me, Period.ALL), lines,
                days(lines, cursor)).setLocale(page.locale());
    }

    /** The next lines, for infinite scrolling. */
    @GET
    @Path("lines")
    @Operation(hidden = true)
    public TemplateInstance more(@QueryParam("cursor") String cursor) {
        Page<Points.DayLine> lines = lines(cursor);
        return Templates.points$lines(lines, days(lines, cursor)).setLocale(page.locale());
    }

    private Page<Points.DayLine> lines(String cursor) {
        return points.historyByDay(user.member().employeeId(), cursor, PAGE_SIZE);
    }

    /** The page's lines by day; {@code cursor}: where the page starts (null: at the newest line). */
    private List<Day> days(Page<Points.DayLine> lines, String cursor) {
        LocalDate today = calendar.day(calendar.now());
        Cursor.At before = Cursor.decodeAt(cursor);
        LocalDate dayBefore = before == null ? null : calendar.day(before.at());
        Map<LocalDate, List<Points.DayLine>> byDay = lines.items().stream().collect(
                Collectors.groupingBy(line -> calendar.day(line.at()), LinkedHashMap::new, Collectors.toList()));
        return byDay.entrySet().stream().map(day -> new Day(day.getKey(), day.getKey().equals(today),
                day.getKey().equals(today.minusDays(1)), day.getKey().equals(dayBefore), day.getValue())).toList();
    }
}
