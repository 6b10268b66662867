package no.fyrtarn.share;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.NonBlocking;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/posts/{id}/shares")
@Tag(name = "Feed and sharing")
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
public class ShareResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    ShareService shares;

    @Inject
    CurrentUser user;

    @POST
    @NonBlocking // the request checks the share from memory (or hands that to a worker) and waits for no one
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sharePost", summary = "Share a post from the feed on one network",
            description = "Records the share and answers the caller's tracked link and the network's share dialog. "
                    + "Retrying with the same Idempotency-Key answers the same share (200).")
    @APIResponse(responseCode = "201", description = "The new share", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    @APIResponse(responseCode = "200", description = "The share this Idempotency-Key made before")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "503", ref = "ShareNotWritten")
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING,
            minLength = 1, maxLength = ShareService.IDEMPOTENCY_KEY_MAX_LENGTH,
            pattern = "^" + ShareService.IDEMPOTENCY_KEY_CHARACTERS + "+$"),
            description = "Makes retries safe: the same key answers the same share. 1 to 100 visible ASCII characters.")
    public CompletionStage<RestResponse<ShareView>> share(@PathParam("id") UUID postId, HttpHeaders headers,
            @NotNull @Valid ShareRequest request) {
        // read as sent: @HeaderParam makes an empty key null, "no key", and its retries would each record a share
        String idempotencyKey = headers.getHeaderString(IDEMPOTENCY_KEY);
        return shares.record(user, postId, request, idempotencyKey).thenApply(recorded -> RestResponse.status(
                recorded.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, recorded.share()));
    }
}
