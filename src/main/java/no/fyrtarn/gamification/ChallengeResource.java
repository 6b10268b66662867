package no.fyrtarn.gamification;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import no.fyrtarn.infra.Page;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/challenges")
@Tag(name = "Gamification", description = "Points, badges, streaks and challenges")
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    @Inject
    ChallengeService challenges;

    @Inject
    CurrentUser user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(operationId = "createChallenge", summary = "Start a challenge: N shares in a time box, for bonus points")
    @APIResponse(responseCode = "201", description = "The challenge", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChallengeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<ChallengeView> create(@NotNull @Valid ChallengeRequest request) {
        ChallengeView created = challenges.create(request, user.member().employeeId());
        return RestResponse.ResponseBuilder.<ChallengeView>created(URI.create("/api/challenges/" + created.id()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "listChallenges", summary = "Challenges not over yet, ending soonest first, with my progress")
    @APIResponse(responseCode = "200", description = "A page of challenges")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ChallengeView> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return challenges.running(user.member().employeeId(), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "getChallenge", summary = "A challenge, also one that is over, with my progress",
            description = "Where the Location of a new challenge leads.")
    @APIResponse(responseCode = "200", description = "The challenge")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ChallengeView get(@PathParam("id") UUID id) {
        return challenges.one(id, user.member().employeeId());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(operationId = "endChallenge", summary = "End a challenge now",
            description = "Say one started with a wrong goal or time: shares from now on no longer count, and "
                    + "bonuses already paid stay paid. One that had not begun yet ends before it began "
                    + "(startsAt and endsAt both now).")
    @APIResponse(responseCode = "200", description = "The challenge, ended")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ChallengeView end(@PathParam("id") UUID id) {
        return challenges.end(id, user.member().employeeId());
    }

    @GET
    @Path("/{id}/participants")
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(operationId = "listChallengeParticipants", summary = "Everyone's progress in a challenge, most shares first")
    @APIResponse(responseCode = "200", description = "A page of participants")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ChallengeService.Participant> participants(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return challenges.participants(id, cursor, limit);
    }
}
