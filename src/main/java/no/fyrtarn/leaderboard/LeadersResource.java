package no.fyrtarn.leaderboard;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.infra.Page;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api")
@Tag(name = "Leaderboards", description = "Rankings by points, leaders' participation and teams")
@Produces(MediaType.APPLICATION_JSON)
public class LeadersResource {

    @Inject
    LeaderFlags flags;

    @Inject
    TeamService teams;

    @Inject
    GameCalendar calendar;

    @Inject
    CurrentUser user;

    @GET
    @Path("/leaders")
    @RolesAllowed({ Roles.LEADER, Roles.MARKETING, Roles.ADMIN })
    @Operation(operationId = "listLeaders", summary = "Every leader's participation against their team's, flagged",
            description = "LEADS_BY_EXAMPLE, ON_TRACK or NEEDS_ATTENTION, with the reason in words.")
    @APIResponse(responseCode = "200", description = "The leaders, by name")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<LeaderView> leaders(@QueryParam("period") @DefaultValue("week") String period) {
        return flags.all(calendar.current(Period.parse(period, "period")));
    }

    @GET
    @Path("/teams/mine")
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "listMyTeam", summary = "The caller's direct reports: points, activity and 90-9-1 segment",
            description = "The whole team in one page (nextCursor is null). Most points first.")
    @APIResponse(responseCode = "200", description = "The caller's direct reports")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<TeamMember> mine(@QueryParam("period") @DefaultValue("week") String period) {
        return new Page<>(teams.reportsOf(user.member().employeeId(), calendar.current(Period.parse(period, "period"))),
                null);
    }
}
