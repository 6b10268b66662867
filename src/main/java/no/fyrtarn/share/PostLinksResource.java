package no.fyrtarn.share;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.infra.Page;
import no.fyrtarn.security.Roles;

/** Marketing's view of who shared a post where, and what each of those links brought; also as CSV. */
@Path("/api/posts/{id}")
@Tag(name = "Posts")
@RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class PostLinksResource {

    @Inject
    SharingStats stats;

    @GET
    @Path("links")
    @Operation(operationId = "listPostLinks", summary = "The post's tracked links with their shares and clicks",
            description = "One per employee and network the post was shared on, most clicked first.")
    @APIResponse(responseCode = "200", description = "A page of links")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<PostLink> list(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return stats.links(id, cursor, limit);
    }

    @GET
    @Path("links.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportPostLinks", summary = "All of the post's tracked links as CSV",
            description = "The same rows as listPostLinks, all of them, in the same order, for a spreadsheet: "
                    + PostLinksCsv.HEADER + ", after a UTF-8 byte order mark, which Excel needs to read UTF-8. "
                    + "A name or team that would read as a formula starts with an apostrophe.")
    @APIResponse(responseCode = "200", description = "The links as CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response csv(@PathParam("id") UUID id, @QueryParam("separator") @DefaultValue("comma") @Parameter(
            description = "semicolon for Excel in a language that writes decimals with a comma (Norwegian, Swedish)",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "comma", "semicolon" })) String separator) {
        return Response.ok(PostLinksCsv.of(stats.allLinks(id), PostLinksCsv.Separator.parse(separator)),
                "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"post-" + id + "-links.csv\"").build();
    }
}
