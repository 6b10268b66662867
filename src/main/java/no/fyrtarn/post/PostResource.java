package no.fyrtarn.post;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import no.fyrtarn.infra.Page;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/posts")
@Tag(name = "Posts", description = "Marketing's posts and their review workflow")
@RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    @Inject
    PostService posts;

    @Inject
    CurrentUser user;

    /** Why a post goes back to its author: a reviewer's rejection, or the withdrawal of a scheduled post. */
    public record ReasonRequest(@Schema(example = "Please shorten the LinkedIn caption") @NotBlank @Size(max = 1000)
            String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPost", summary = "Create a draft post")
    @APIResponse(responseCode = "201", description = "The draft, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PostView.class)),
            headers = { @Header(name = "Location", description = "URL of the new post", schema = @Schema(type = SchemaType.STRING)),
                    @Header(ref = "ETag") })
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<PostView> create(@NotNull @Valid PostRequest request) {
        var created = posts.create(user.member().employeeId(), request);
        return RestResponse.ResponseBuilder.<PostView>created(URI.create("/api/posts/" + created.post().id()))
                .entity(created.post()).header(HttpHeaders.ETAG, created.etag()).build();
    }

    @GET
    @Operation(operationId = "listPosts", summary = "List posts, newest first",
            description = "Optionally only those in one status (DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, EXPIRED, ARCHIVED).")
    @APIResponse(responseCode = "200", description = "A page of posts")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<PostView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return posts.list(PostStatus.parse(status), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPost", summary = "Read a post", description = "The ETag header is needed to edit it.")
    @APIResponse(responseCode = "200", description = "The post", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<PostView> get(@PathParam("id") UUID id) {
        return withEtag(posts.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePost", summary = "Replace a draft",
            description = "Only drafts can be edited; If-Match must carry the ETag you read.")
    @APIResponse(responseCode = "200", description = "The updated draft", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<PostView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PostRequest request) {
        return withEtag(posts.replace(id, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePost", summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") UUID id) {
        posts.delete(id);
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitPost", summary = "Send a draft to review (DRAFT → IN_REVIEW)")
    @APIResponse(responseCode = "200", description = "The post in review")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PostView> submit(@PathParam("id") UUID id) {
        return withEtag(posts.submit(id));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approvePost", summary = "Approve a post in review (→ PUBLISHED, or SCHEDULED until publishAt)",
            description = "Four eyes: a marketer other than the author, or an admin. If-Match, optional, takes the "
                    + "ETag of the version you reviewed: a post sent back, changed and submitted again since is a 412 "
                    + "instead of approved unread.")
    @APIResponse(responseCode = "200", description = "The published or scheduled post")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<PostView> approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(posts.approve(id, user.member().employeeId(), user.hasRole(Roles.ADMIN), ifMatch));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectPost", summary = "Send a post in review back to draft with a reason")
    @APIResponse(responseCode = "200", description = "The post, a draft again, with the reason as reviewNote")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PostView> reject(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return withEtag(posts.reject(id, request.reason()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawPost", summary = "Take a scheduled post back to draft with a reason",
            description = "One that must change before it goes live, say a typo found after approval: a draft "
                    + "again, to be edited, submitted and approved again (four eyes). Anyone in marketing, its author "
                    + "too.")
    @APIResponse(responseCode = "200", description = "The post, a draft again, with the reason as reviewNote")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PostView> withdraw(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return withEtag(posts.withdraw(id, request.reason()));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(operationId = "archivePost", summary = "Archive a post in any status")
    @APIResponse(responseCode = "200", description = "The archived post")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PostView> archive(@PathParam("id") UUID id) {
        return withEtag(posts.archive(id));
    }

    private static RestResponse<PostView> withEtag(PostService.Versioned v) {
        return RestResponse.ResponseBuilder.ok(v.post()).header(HttpHeaders.ETAG, v.etag()).build();
    }
}
