package no.fyrtarn.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Points;
import no.fyrtarn.infra.Page;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/me")
@Tag(name = "Gamification", description = "Points, badges, streaks and challenges")
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    MeService me;

    @Inject
    Points points;

    @Inject
    CurrentUser user;

    @GET
    @Operation(operationId = "getMe", summary = "My points, ranks, badges and streak",
            description = "Ranks are for rankPeriod (default week).")
    @APIResponse(responseCode = "200", description = "The caller's standing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public MeView get(@QueryParam("rankPeriod") @DefaultValue("week") String rankPeriod) {
        return me.me(user.member(), Period.parse(rankPeriod, "rankPeriod"));
    }

    @GET
    @Path("/points")
    @Operation(operationId = "listMyPoints", summary = "My points ledger, newest first",
            description = "Only lines that earned points; actions over a daily cap are left out.")
    @APIResponse(responseCode = "200", description = "A page of ledger lines")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<Points.Line> points(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return points.history(user.member().employeeId(), cursor, limit);
    }
}
