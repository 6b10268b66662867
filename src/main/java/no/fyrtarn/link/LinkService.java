package no.fyrtarn.link;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import no.fyrtarn.infra.PublicUrl;
import no.fyrtarn.link.TrackedLinkRepository.Offer;
import no.fyrtarn.link.TrackedLinkRepository.Owned;
import no.fyrtarn.link.TrackedLinkRepository.Owner;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PublishedPost;

/** Tracked links: issuing one per (employee, post, network), resolving codes, and the clicks counted on them. */
@ApplicationScoped
public class LinkService {

    private static final int CODE_ATTEMPTS = 5;
    private static final Comparator<Owner> OWNER_ORDER = Comparator.comparing(Owner::employeeId)
            .thenComparing(Owner::postId).thenComparing(Owner::network);

    @Inject
    TrackedLinkRepository links;

    @Inject
    LinkClickRepository clicks;

    @Inject
    LinkConfig config;

    @Inject
    Clock clock;

    @Inject
    PublicUrl publicUrl;

    /** What every tracked URL starts with. */
    private String linkBase;

    @PostConstruct
    void init() {
        linkBase = publicUrl.of("/s/");
    }

    /** Where a code leads, and whose it is: all a click needs. */
    public record Target(String code, String url, UUID postId, UUID employeeId, Network network, UUID shareId) {
    }

    /** A link a share needs: its employee's for the post on the network, made for {@code shareId} if they have none. */
    public record Wanted(UUID employeeId, PublishedPost post, Network network, UUID shareId) {
        public Owner owner() {
            return new Owner(employeeId, post.id(), network);
        }
    }

    /**
     * Each owner's link, made now (attributed to the first wanted share of that owner) where they had none: one
     * statement for all of them, another only for the rare owner whose code was taken or whose link a concurrent
     * caller made meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Owner, Owned> issueAll(Collection<Wanted> wanted) {
        Map<Owner, Wanted> missing = new TreeMap<>(OWNER_ORDER); // one lock order for all writers
        wanted.forEach(w -> missing.putIfAbsent(w.owner(), w));
        Map<Owner, String> targets = new HashMap<>();
        missing.forEach((owner, w) -> targets.put(owner, Utm.merge(w.post().url(), w.network(), w.post().campaign(),
                w.post().id())));
        Map<Owner, Owned> issued = new HashMap<>();
        for (int attempt = 0; attempt < CODE_ATTEMPTS && !missing.isEmpty(); attempt++) {
            List<Offer> offers = missing.entrySet().stream().map(e -> new Offer(e.getKey(),
                    LinkCodes.next(config.codeLength()), targets.get(e.getKey()), e.getValue().shareId())).toList();
            Map<Owner, Owned> got = links.insertAllIfAbsent(offers, clock.instant());
            issued.putAll(got);
            missing.keySet().removeAll(got.keySet());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No free link code after " + CODE_ATTEMPTS + " attempts");
        }
        return issued;
    }

    public String trackedUrl(String code) {
        return linkBase + code;
    }

    @Transactional
    public Optional<Target> resolve(String code) {
        return links.findByIdOptional(code).map(l -> new Target(l.code(), l.targetUrl(), l.postId(), l.employeeId(),
                l.network(), l.firstShareId()));
    }

    /** Counted clicks per post and network, for those of the posts that have any. */
    @Transactional
    public Map<UUID, Map<Network, Long>> countedClicks(Collection<UUID> postIds) {
        return clicks.countedByPostAndNetwork(postIds);
    }

    /** Counted clicks on the employee's own links to these posts, per post and network, for those that have any. */
    @Transactional
    public Map<UUID, Map<Network, Long>> countedClicksOnLinksOf(UUID employeeId, Collection<UUID> postIds) {
        return clicks.countedOnLinksOf(employeeId, postIds);
    }
}
