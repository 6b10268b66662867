package no.fyrtarn.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.infra.AfterCommit;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.KeptFor;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.WebUrls;

/** Use cases of marketing's posts: writing drafts and moving them through review to the feed. */
@ApplicationScoped
public class PostService {

    @Inject
    PostRepository posts;

    @Inject
    PostEvents events;

    @Inject
    DirectoryService directory;

    @Inject
    PostStats.Source stats;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    @ConfigProperty(name = "fyrtarn.posts.live-cache", defaultValue = "5s")
    Duration liveCache;

    private KeptFor<UUID, LivePost> live;

    @PostConstruct
    void keepLivePosts() {
        live = new KeptFor<>(liveCache, 10_000);
    }

    /** A post with its current ETag, which the view carries since it was written (flushed). */
    public record Versioned(PostView post) {
        public String etag() {
            return post.etag();
        }
    }

    @Transactional
    public Versioned create(UUID authorId, PostRequest request) {
        Set<UUID> audience = checked(request);
        Post post = new Post(authorId, clock.instant());
        post.write(request, audience, clock.instant());
        posts.persist(post);
        return versioned(post);
    }

    @Transactional
    public Versioned get(UUID id) {
        return versioned(find(id));
    }

    @Transactional
    /** The posts of a status (null: all), newest first. */
    public Page<PostView> list(PostStatus wanted, String cursor, int limit) {
        Cursor.At after = Cursor.decodeAt(cursor);
        List<Post> fetched = posts.page(wanted, after, limit + 1);
        Map<UUID, String> teamNames = directory.teamNames(
                fetched.stream().flatMap(p -> p.audienceTeamIds().stream()).distinct().toList());
        Map<UUID, PostStats> counts = stats.statsOf(fetched.stream().map(Post::id).toList());
        return Page.of(fetched, limit, p -> new Cursor.At(p.createdAt(), p.id()).position(),
                p -> PostView.of(p, names(p, teamNames), counts.getOrDefault(p.id(), PostStats.NONE)));
    }

    /** What someone in {@code teamId} (null: no team) may share now, newest published first. */
    @Transactional
    public Page<PublishedPost> feed(UUID teamId, String topic, String cursor, int limit) {
        List<Post> fetched = posts.feed(teamId, Post.topicFilter(topic), clock.instant(), Cursor.decodeAt(cursor),
                limit + 1);
        return Page.of(fetched, limit, p -> feedPosition(p.publishedAt(), p.id()), PublishedPost::of);
    }

    /**
     * How many posts came into the feed of someone in {@code teamId} (null: no team), with {@code topic} if not null,
     * since {@code newest} ({@link #feedCursor} of the newest post they were shown; null: all of them).
     */
    @Transactional
    public long newInFeed(UUID teamId, String topic, String newest) {
        return posts.newerInFeed(teamId, Post.topicFilter(topic), clock.instant(), Cursor.decodeAt(newest));
    }

    /** The place in the feed of a post published at {@code publishedAt}, for {@link #newInFeed}. */
    public static String feedCursor(Instant publishedAt, UUID postId) {
        return Cursor.encode(feedPosition(publishedAt, postId));
    }

    private static String feedPosition(Instant publishedAt, UUID id) {
        return new Cursor.At(publishedAt, id).position();
    }

    /**
     * The topics of what someone in {@code teamId} (null: no team) may share now: those of the most posts first, then
     * those of the newest; at most {@code limit}.
     */
    @Transactional
    public List<FeedTopic> feedTopics(UUID teamId, int limit) {
        return posts.feedTopics(teamId, clock.instant(), limit);
    }

    /**
     * The post if it is in the feed of someone in {@code teamId}; else 404, whether it exists or not. Published posts
     * are kept for {@code fyrtarn.posts.live-cache} (every share asks): a change on this instance forgets them once it
     * commits, another instance's archive or edit shows within that time. Expiry is judged at each call.
     */
    public PublishedPost inFeed(UUID postId, UUID teamId) {
        return findInFeed(postId, teamId).orElseThrow(() -> notFound(postId));
    }

    /** {@link #inFeed}, empty instead of 404. */
    public Optional<PublishedPost> findInFeed(UUID postId, UUID teamId) {
        return inFeedOf(teamId,
                live.get(postId, () -> QuarkusTransaction.joiningExisting().call(() -> posts.findLive(postId))));
    }

    /**
     * {@link #inFeed} from what is kept in memory only, for a caller that must not block: empty when the post is not
     * kept (ask {@link #inFeed} on a worker thread then).
     */
    public Optional<PublishedPost> inFeedIfKept(UUID postId, UUID teamId) {
        return live.ifKept(postId)
                .map(kept -> inFeedOf(teamId, Optional.of(kept)).orElseThrow(() -> notFound(postId)));
    }

    private Optional<PublishedPost> inFeedOf(UUID teamId, Optional<LivePost> found) {
        return found.filter(p -> p.inFeedOf(teamId, clock.instant())).map(LivePost::post);
    }

    /** The 404 for a post: unknown, or not in the caller's feed whether it exists or not. */
    public static ProblemException notFound(UUID postId) {
        return ProblemException.notFound("Post " + postId);
    }

    /** Any post's facts as other features see them (campaign, topics), whatever its status now; empty if unknown. */
    @Transactional
    public Optional<PublishedPost> describe(UUID id) {
        return posts.findByIdOptional(id).map(PublishedPost::of);
    }

    @Transactional
    public Versioned replace(UUID id, String ifMatch, PostRequest request) {
        Post post = findForChange(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the post you edited");
        }
        requireMatch(post, ifMatch, "The post changed since you read it; reload and edit again");
        Set<UUID> audience = checked(request);
        post.write(request, audience, clock.instant());
        forgetLiveOnCommit();
        return versioned(post);
    }

    /** "*", or a list of ETags of which one must be the post's (RFC 9110), as a client that kept several sends it. */
    private static void requireMatch(Post post, String ifMatch, String otherwise) {
        String etag = PostView.etag(post);
        if (Arrays.stream(ifMatch.split(",")).map(String::trim).noneMatch(tag -> tag.equals("*") || tag.equals(etag))) {
            throw ProblemException.preconditionFailed(otherwise);
        }
    }

    @Transactional
    public void delete(UUID id) {
        Post post = findForChange(id);
        forgetLiveOnCommit();
        post.requireDeletable();
        posts.delete(post);
    }

    @Transactional
    public Versioned submit(UUID id) {
        return change(id, post -> post.submit(clock.instant()));
    }

    /**
     * Four eyes: the author may not approve their own post, unless they are an admin.
     *
     * @param ifMatch the ETag of the version the approver read (null: whatever is in review now); a post sent back,
     *            changed and submitted again since is a 412, where it was approved unread
     */
    @Transactional
    public Versioned approve(UUID id, UUID approverId, boolean approverIsAdmin, String ifMatch) {
        Post post = findForChange(id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            requireMatch(post, ifMatch, "The post changed since you read it; read it again before you approve it");
        }
        if (post.authorId().equals(approverId) && !approverIsAdmin) {
            throw ProblemException.forbidden("Another marketer (or an admin) must approve your post");
        }
        Instant now = clock.instant();
        forgetLiveOnCommit();
        if (post.approve(now)) {
            events.published(post, names(post), now);
        }
        return versioned(post);
    }

    @Transactional
    public Versioned reject(UUID id, String reason) {
        return change(id, post -> post.reject(reason, clock.instant()));
    }

    @Transactional
    public Versioned withdraw(UUID id, String reason) {
        return change(id, post -> post.withdraw(reason, clock.instant()));
    }

    @Transactional
    public Versioned archive(UUID id) {
        return change(id, post -> post.archive(clock.instant()));
    }

    private Versioned change(UUID id, Consumer<Post> transition) {
        Post post = findForChange(id);
        forgetLiveOnCommit();
        transition.accept(post);
        return versioned(post);
    }

    /** Publishes scheduled posts whose time came and expires live ones past expiresAt; @return posts moved. */
    @Transactional
    public int applyDueTransitions(int limit) {
        Instant now = clock.instant();
        List<Post> due = posts.dueForTransition(now, limit);
        if (!due.isEmpty()) {
            forgetLiveOnCommit();
        }
        for (Post post : due) {
            if (post.publishIfDue(now)) {
                events.published(post, names(post), now);
            }
            if (post.expireIfDue(now)) {
                events.expired(post, names(post), now);
            }
        }
        return due.size();
    }

    /** A post changes in this transaction: what {@link #inFeed} kept is forgotten as soon as it commits. */
    private void forgetLiveOnCommit() {
        afterCommit.once(live, live::forgetAll);
    }

    private Post find(UUID id) {
        return posts.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The post, locked until the transaction ends: a change made at the same time (a second reviewer's approval, an
     * edit of the same version) waits for this one and is judged on what it left, a 409 or a 412, where the post's
     * version check failed it at commit (a 500). The scheduler skips a post locked so until its next round.
     */
    private Post findForChange(UUID id) {
        return posts.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    private Versioned versioned(Post post) {
        posts.flush(); // the version (ETag) moves on flush
        PostStats counts = stats.statsOf(List.of(post.id())).getOrDefault(post.id(), PostStats.NONE);
        return new Versioned(PostView.of(post, names(post), counts));
    }

    private Set<String> names(Post post) {
        return names(post, directory.teamNames(post.audienceTeamIds()));
    }

    private static Set<String> names(Post post, Map<UUID, String> teamNames) {
        Set<String> names = new HashSet<>();
        post.audienceTeamIds().forEach(id -> names.add(teamNames.getOrDefault(id, id.toString())));
        return names;
    }

    /** Rules across fields that Bean Validation on the record cannot express; @return the audience's team ids. */
    private Set<UUID> checked(PostRequest r) {
        URI url = webAddress(r.url());
        if (url.getRawUserInfo() != null) {
            // everyone who follows a shared link would get them; "https://example.com@evil.example/" is evil.example
            throw ProblemException.badRequest("url", Language.text("fyrtarn.url.credentials"));
        }
        for (int i = 0; r.topics() != null && i < r.topics().size(); i++) {
            if (Post.isWordless(r.topics().get(i))) {
                throw ProblemException.badRequest("topics[" + i + "]", Language.text("fyrtarn.topic.word"));
            }
        }
        if (r.captions() != null) {
            for (int i = 0; i < r.captions().size(); i++) {
                if (!r.networks().contains(r.captions().get(i).network())) {
                    throw ProblemException.badRequest("captions[" + i + "].network",
                            Language.text("fyrtarn.caption.network"));
                }
            }
        }
        if (r.publishAt() != null && r.expiresAt() != null && !r.expiresAt().isAfter(r.publishAt())) {
            throw ProblemException.badRequest("expiresAt", Language.text("fyrtarn.expires.after-publish"));
        }
        if (r.expiresAt() != null && !r.expiresAt().isAfter(clock.instant())) {
            throw ProblemException.badRequest("expiresAt", Language.text("fyrtarn.expires.future"));
        }
        List<String> teams = r.audience() == null || r.audience().teams() == null ? List.of()
                : r.audience().teams().stream().map(String::trim).distinct().toList();
        Map<String, UUID> ids = directory.teamIds(teams);
        for (int i = 0; i < teams.size(); i++) {
            if (!ids.containsKey(teams.get(i))) {
                throw ProblemException.badRequest("audience.teams[" + i + "]",
                        Language.text("fyrtarn.team.unknown", "team", teams.get(i)));
            }
        }
        return new HashSet<>(ids.values());
    }

    /** The post's address, which must name a host, an internationalized domain name ("blåbær.no") included. */
    private static URI webAddress(String url) {
        try {
            URI uri = new URI(WebUrls.withAsciiHost(url.trim()));
            if (uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // as one without a host
        }
        throw ProblemException.badRequest("url", Language.text("fyrtarn.url.absolute"));
    }
}
