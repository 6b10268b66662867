package no.fyrtarn.leaderboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import io.smallrye.mutiny.Multi;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/leaderboard")
@Tag(name = "Leaderboards", description = "Rankings by points, leaders' participation and teams")
@RolesAllowed(Roles.EMPLOYEE)
public class LeaderboardResource {

    @Inject
    LeaderboardService leaderboards;

    @Inject
    LeaderboardStream stream;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLeaderboard", summary = "Ranking by points in a period, for the company, a team or the leaders",
            description = "Ties share a rank. scope=team ranks the caller's team unless team names another "
                    + "(in any case).")
    @APIResponse(responseCode = "200", description = "The leaderboard")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Board get(@QueryParam("period") @DefaultValue("week") String period,
            @QueryParam("scope") @DefaultValue("company") String scope,
            @QueryParam("team") @Size(max = 100) String team,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return leaderboards.board(Period.parse(period, "period"), Scope.parse(scope), team, limit, user.member());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // a reverse proxy that buffers answers (nginx, the usual Kubernetes ingress) held the notices back; no cache keeps
    // an endless answer either
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-cache")
    @Operation(operationId = "streamLeaderboardChanges", summary = "Server-Sent Events: a notice whenever the leaderboard changed",
            description = "At most one notice per fyrtarn.leaderboard.stream-interval (default 1 s); fetch the "
                    + "board on each. Between notices, a comment every fyrtarn.leaderboard.stream-keep-alive "
                    + "(default 30 s).")
    @APIResponse(responseCode = "200", description = "An endless stream of change notices", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = LeaderboardStream.Change.class)))
    public Multi<OutboundSseEvent> changes(@Context Sse sse) {
        return stream.events(sse);
    }
}
