package no.fyrtarn.share;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import no.fyrtarn.security.Roles;

/**
 * Only in the bench build (bench/run): the request half of a share and nothing else. The same path shape, role check,
 * bearer token, JSON body, Bean Validation and threading as ShareResource, and an answer of ShareView's shape, but no
 * check against the feed, no row, no tracked link and no event. bench/run measures POST /api/posts/{id}/shares against
 * it in the same process: what the HTTP exchange alone costs a share on this machine.
 */
@Path("/bench/posts/{id}/shares")
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProfile("bench")
public class BaselineShareResource {

    private static final String TRACKED = "https://fyrtarn.example.com/s/k3Xr9QaZ";

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<RestResponse<ShareView>> share(@PathParam("id") UUID postId, @NotNull @Valid ShareRequest request) {
        String text = request.ownText() != null ? request.ownText() : "Bench";
        ShareView view = new ShareView(UUID.randomUUID(), postId, request.network(), TRACKED,
                ShareIntents.intentUrl(request.network(), TRACKED, text), text, Instant.now());
        return Uni.createFrom().item(RestResponse.status(RestResponse.Status.CREATED, view));
    }
}
