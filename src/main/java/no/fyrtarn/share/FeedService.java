package no.fyrtarn.share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.DirectoryService.Member;
import no.fyrtarn.infra.Page;
import no.fyrtarn.link.LinkService;
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
        List<UUID> ids = page.items().stream().map(PublishedPost::id).toList();
        Map<UUID, Set<Network>> shared = shares.networksSharedOn(who.employeeId(), ids);
        Map<UUID, Map<Network, Long>> clicked = shared.isEmpty() ? Map.of()
                : links.countedClicksOnLinksOf(who.employeeId(), shared.keySet());
        return new Page<>(page.items().stream().map(post -> item(who, post, shared.getOrDefault(post.id(), Set.of()),
                clicked.getOrDefault(post.id(), Map.of()))).toList(), page.nextCursor());
    }

    /** The clicks counted on the employee's own links to the post, for each network they shared it on. */
    @Transactional
    public Map<Network, Long> myClicks(Member who, UUID postId) {
        List<UUID> post = List.of(postId);
        Set<Network> sharedOn = shares.networksSharedOn(who.employeeId(), post).getOrDefault(postId, Set.of());
        return sharedOn.isEmpty() ? Map.of()
                : myClicks(sharedOn.stream().sorted().toList(),
                        links.countedClicksOnLinksOf(who.employeeId(), post).getOrDefault(postId, Map.of()));
    }

    private static FeedItem item(Member who, PublishedPost post, Set<Network> sharedOn, Map<Network, Long> clicked) {
        Map<Network, String> captions = new LinkedHashMap<>();
        post.networks().forEach(n -> captions.put(n, CaptionVariants.captionFor(who.employeeId(), post, n)));
        List<Network> shared = sharedOn.stream().sorted().toList();
        return new FeedItem(post.id(), post.title(), post.body(), post.url(), post.topics(), post.networks(),
                post.publishedAt(), post.expiresAt(), captions, shared, myClicks(shared, clicked));
    }

    /** For each network shared on, in that order, its counted clicks (none: 0). */
    private static Map<Network, Long> myClicks(List<Network> sharedOn, Map<Network, Long> clicked) {
        Map<Network, Long> myClicks = new LinkedHashMap<>();
        sharedOn.forEach(n -> myClicks.put(n, clicked.getOrDefault(n, 0L)));
        return myClicks;
    }
}
