package no.fyrtarn.share;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.infra.Page;
import no.fyrtarn.post.FeedTopic;
import no.fyrtarn.post.PostService;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/feed")
@Tag(name = "Feed and sharing", description = "What employees may share, and their shares")
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Inject
    FeedService feed;

    @Inject
    CurrentUser user;

    @GET
    @Operation(operationId = "getFeed", summary = "The caller's feed: live posts for their team or everyone, newest first",
            description = "Captions are the caller's own variant per network; sharedOn lists where they shared it.")
    @APIResponse(responseCode = "200", description = "A page of posts")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<FeedItem> feed(@QueryParam("topic") @Size(max = 50) String topic,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return feed.feed(user.member(), topic, cursor, limit);
    }

    @GET
    @Path("{postId}")
    @Operation(operationId = "getFeedItem", summary = "One post of the caller's feed, as the feed shows it",
            description = "For a link to one post (in a chat or a mail): the caller's captions, where they shared it and"
                    + " the clicks on their links there.")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FeedItem item(@PathParam("postId") UUID postId) {
        return feed.item(user.member(), postId).orElseThrow(() -> PostService.notFound(postId));
    }

    @GET
    @Path("topics")
    @Operation(operationId = "getFeedTopics", summary = "The topics of the caller's feed, for filtering it",
            description = "Each topic with how many posts in the caller's feed have it; the most posts first, then the"
                    + " topics of the newest posts.")
    @APIResponse(responseCode = "200", description = "The topics")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<FeedTopic> topics(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return feed.topics(user.member(), limit);
    }
}
