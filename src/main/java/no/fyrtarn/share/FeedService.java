package no.fyrtarn.share;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.DirectoryService.Member;
import no.fyrtarn.infra.Page;
import no.fyrtarn.link.LinkService;
import no.fyrtarn.post.FeedTopic;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PublishedPost;

/**
 * An employee's feed: what they may share now, with their caption variants, where they shared already and the clicks
 * their links counted there.
 */
@ApplicationScoped
public class FeedService {

    @Inject
    PostService posts;

    @Inject
    ShareRepository shares;

    @Inject
    LinkService links;

    @Transactional
    public Page<FeedItem> feed(Member who, String topic, String cursor, int limit) {
        Page<PublishedPost> page = posts.feed(who.teamId(), topic, cursor, limit);
        Map<UUID, Map<Network, Long>> mine = myClicks(who.employeeId(),
                page.items().stream().map(PublishedPost::id).toList());
        return new Page<>(page.items().stream().map(post -> item(who, post, mine.getOrDefault(post.id(), Map.of())))
                .toList(), page.nextCursor());
    }

    /** One post of the employee's feed, as the feed shows it; empty when it is not in their feed (any more). */
    @Transactional
    public Optional<FeedItem> item(Member who, UUID postId) {
        return posts.findInFeed(postId, who.teamId()).map(post -> item(who, post, myClicks(who, postId)));
    }

    /**
     * How many posts came into the employee's feed, with {@code topic} if not null, since {@code newest} (the
     * {@link PostService#feedCursor} of the newest post they were shown; null: all).
     */
    public long newSince(Member who, String topic, String newest) {
        return posts.newInFeed(who.teamId(), topic, newest);
    }

    /** The topics of the employee's feed, those of the most posts first; at most {@code limit}. */
    public List<FeedTopic> topics(Member who, int limit) {
        return posts.feedTopics(who.teamId(), limit);
    }

    /** The clicks counted on the employee's own links to the post, for each network they shared it on. */
    @Transactional
    public Map<Network, Long> myClicks(Member who, UUID postId) {
        return myClicks(who.employeeId(), List.of(postId)).getOrDefault(postId, Map.of());
    }

    /**
     * For each of these posts the employee shared: the networks they shared it on, in order, each with the clicks
     * counted on their link there (0 for none yet). A post they did not share is left out.
     */
    private Map<UUID, Map<Network, Long>> myClicks(UUID employeeId, List<UUID> postIds) {
        Map<UUID, Set<Network>> shared = shares.networksSharedOn(employeeId, postIds);
        Map<UUID, Map<Network, Long>> clicked = links.countedClicksOnLinksOf(employeeId, shared.keySet());
        Map<UUID, Map<Network, Long>> mine = new HashMap<>();
        shared.forEach((post, networks) -> {
            Map<Network, Long> counted = clicked.getOrDefault(post, Map.of());
            Map<Network, Long> counts = new LinkedHashMap<>();
            networks.stream().sorted().forEach(n -> counts.put(n, counted.getOrDefault(n, 0L)));
            mine.put(post, counts);
        });
        return mine;
    }

    /** {@code myClicks}: the networks the employee shared the post on, in order, with their links' clicks. */
    private static FeedItem item(Member who, PublishedPost post, Map<Network, Long> myClicks) {
        Map<Network, String> captions = new LinkedHashMap<>();
        post.networks().forEach(n -> captions.put(n, CaptionVariants.captionFor(who.employeeId(), post, n)));
        return new FeedItem(post.id(), post.title(), post.body(), post.url(), post.topics(), post.networks(),
                post.language(), post.publishedAt(), post.expiresAt(), captions, List.copyOf(myClicks.keySet()),
                myClicks);
    }
}
