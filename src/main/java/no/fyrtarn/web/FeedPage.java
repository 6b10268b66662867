package no.fyrtarn.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.gamification.ChallengeService;
import no.fyrtarn.gamification.ChallengeView;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.infra.Ids;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.Spaces;
import no.fyrtarn.me.MeService;
import no.fyrtarn.me.MeView;
import no.fyrtarn.post.FeedTopic;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.Post;
import no.fyrtarn.post.PostService;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;
import no.fyrtarn.share.FeedItem;
import no.fyrtarn.share.FeedService;
import no.fyrtarn.share.ShareRequest;
import no.fyrtarn.share.ShareService;

/**
 * The employee's feed, phone first: their standing, which follows the leaderboard live, and cards with the caption
 * they will share and one button per network. With JavaScript a tap records the share through the API and opens the
 * network's dialog; without, the form does the same through {@code POST /share/{id}} and a redirect.
 */
@Path("/")
@WebPage
@RolesAllowed(Roles.EMPLOYEE)
@Produces(MediaType.TEXT_HTML)
public class FeedPage {

    static final int PAGE_SIZE = 10;
    /** Topics in the bar above the cards. */
    static final int TOPICS_SHOWN = 20;
    /** The challenges shown at once; those after them are behind "2 more challenges". */
    static final int CHALLENGES_SHOWN = 3;
    /** The challenges listed in all, shown or behind it. */
    static final int CHALLENGES_LISTED = 20;

    /** A challenge as the feed shows it ({@code tags/challenge.html}): whether it has begun (else: "starts 8 Dec"). */
    public record ChallengeLine(ChallengeView challenge, boolean begun) {
    }

    /** The challenges the feed shows at once, and those behind "2 more challenges". */
    public record Challenges(List<ChallengeLine> shown, List<ChallengeLine> folded) {

        static final Challenges NONE = new Challenges(List.of(), List.of());

        static Challenges of(List<ChallengeLine> running) {
            int cut = Math.min(CHALLENGES_SHOWN, running.size());
            return new Challenges(running.subList(0, cut), running.subList(cut, running.size()));
        }

        public boolean any() {
            return !shown.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        /**
         * @param onePost the feed is the one post asked for by {@code ?post=}
         * @param postGone a post was asked for that is not in the feed (any more): the whole feed, saying so
         * @param newPosts where the page asks how many posts came since; null below the top of the feed
         * @param challenges the challenges not over yet, with my progress; none below the top of the feed
         */
        static native TemplateInstance feed(MeView me, List<String> topics, Page<FeedItem> feed, String topic,
                boolean onePost, boolean postGone, String newPosts, Challenges challenges);

        /** The new-posts region's content: a link to see them when {@code count} came, else nothing. */
        static native TemplateInstance news(long count, String topic);

        static native TemplateInstance feed$cards(Page<FeedItem> feed, String topic);

        static native TemplateInstance feed$standing(MeView me);

        static native TemplateInstance feed$challenges(Challenges challenges);

        static native TemplateInstance feed$reach(Map<Network, Long> myClicks);
    }

    @Inject
    FeedService feeds;

    @Inject
    ShareService shares;

    @Inject
    MeService me;

    @Inject
    ChallengeService challengeService;

    @Inject
    GameCalendar calendar;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    /** The feed, or with {@code post} one post of it: the studio's link to a post, posted in a chat or a mail. */
    @GET
    @Operation(hidden = true)
    public TemplateInstance feed(@QueryParam("topic") String topic, @QueryParam("cursor") String cursor,
            @QueryParam("post") String post) {
        MeView standing = me.me(user.member(), Period.WEEK);
        if (post != null) {
            Optional<FeedItem> item = Ids.parse(post).flatMap(id -> feeds.item(user.member(), id));
            if (item.isPresent()) {
                return Templates.feed(standing, List.of(), new Page<>(List.of(item.get()), null), null, true, false,
                        null, Challenges.NONE).setLocale(page.locale());
            }
        }
        String filter = Post.topicFilter(topic);
        Page<FeedItem> shown = feeds.feed(user.member(), filter, cursor, PAGE_SIZE);
        boolean top = cursor == null;
        return Templates.feed(standing, topicBar(filter), shown, filter, false, post != null,
                top ? newPostsAddress(shown, filter) : null, top ? challenges() : Challenges.NONE)
                .setLocale(page.locale());
    }

    /** The address that counts the posts published since the newest of these (all, when there are none). */
    private static String newPostsAddress(Page<FeedItem> top, String filter) {
        String newest = top.items().isEmpty() ? ""
                : PostService.feedCursor(top.items().get(0).publishedAt(), top.items().get(0).postId());
        return "/feed/new?since=" + newest
                + (filter == null ? "" : "&topic=" + Fmt.url(filter));
    }

    /** The feed's topics to filter by, with the one filtered by first when no live post has it (any more). */
    private List<String> topicBar(String filter) {
        List<String> topics = feeds.topics(user.member(), TOPICS_SHOWN).stream().map(FeedTopic::topic).toList();
        return filter == null || topics.contains(filter) ? topics
                : Stream.concat(Stream.of(filter), topics.stream()).toList();
    }

    /** The next cards, for infinite scrolling. */
    @GET
    @Path("feed/cards")
    @Operation(hidden = true)
    public TemplateInstance cards(@QueryParam("topic") String topic, @QueryParam("cursor") String cursor) {
        String filter = Post.topicFilter(topic);
        return Templates.feed$cards(feeds.feed(user.member(), filter, cursor, PAGE_SIZE), filter)
                .setLocale(page.locale());
    }

    /**
     * How many posts came into my feed (with the topic filtered by) since the newest the page showed: a link to see
     * them, or nothing. The page asks when it comes back into view and every minute while in view.
     */
    @GET
    @Path("feed/new")
    @Operation(hidden = true)
    public TemplateInstance newPosts(@QueryParam("since") String since, @QueryParam("topic") String topic) {
        String filter = Post.topicFilter(topic);
        return Templates.news(feeds.newSince(user.member(), filter, since), filter).setLocale(page.locale());
    }

    /** My points, place, streak and badges again, which the page fetches whenever the leaderboard changed. */
    @GET
    @Path("feed/standing")
    @Operation(hidden = true)
    public TemplateInstance standing() {
        return Templates.feed$standing(me.me(user.member(), Period.WEEK)).setLocale(page.locale());
    }

    /**
     * The challenges not over yet, ending soonest first, with my progress, which the page fetches whenever my standing
     * changed: a share that counts towards one earns points too (a share past the day's cap shows at the next change).
     */
    @GET
    @Path("feed/challenges")
    @Operation(hidden = true)
    public TemplateInstance challengesAlone() {
        return Templates.feed$challenges(challenges()).setLocale(page.locale());
    }

    private Challenges challenges() {
        Instant now = calendar.now();
        return Challenges.of(challengeService.running(user.member().employeeId(), null, CHALLENGES_LISTED).items()
                .stream().map(c -> new ChallengeLine(c, !c.startsAt().isAfter(now))).toList());
    }

    /**
     * The clicks counted on my own links to the post, per network I shared it on (nothing before I share it), which
     * the page fetches whenever my standing changed.
     */
    @GET
    @Path("feed/reach/{postId}")
    @Operation(hidden = true)
    public TemplateInstance reach(@PathParam("postId") UUID postId) {
        return Templates.feed$reach(feeds.myClicks(user.member(), postId)).setLocale(page.locale());
    }

    /** A share button pressed without JavaScript: record it, then on to the network's share dialog. */
    @POST
    @Path("share/{postId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response share(@PathParam("postId") UUID postId, @RestForm Network network,
            @RestForm("text_LINKEDIN") String linkedin, @RestForm("text_X") String x,
            @RestForm("text_FACEBOOK") String facebook, @RestForm("key_LINKEDIN") String linkedinKey,
            @RestForm("key_X") String xKey, @RestForm("key_FACEBOOK") String facebookKey) {
        if (network == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        var recorded = shares.recordNow(user, postId,
                new ShareRequest(network, network.pick(linkedin, x, facebook)),
                Spaces.strippedOrNull(network.pick(linkedinKey, xKey, facebookKey)));
        return Response.seeOther(URI.create(recorded.share().shareIntentUrl())).build();
    }

    /** A fresh idempotency key per card and network, so a resubmitted form records one share. */
    @TemplateExtension(namespace = "feed")
    static String key() {
        return UUID.randomUUID().toString();
    }
}
