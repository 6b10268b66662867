package no.fyrtarn.link;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import no.fyrtarn.post.Network;
import no.fyrtarn.post.PublishedPost;

/** Tracked links: issuing one per (employee, post, network), resolving codes, and the clicks counted on them. */
@ApplicationScoped
public class LinkService {

    private static final int CODE_ATTEMPTS = 5;

    @Inject
    TrackedLinkRepository links;

    @Inject
    LinkClickRepository clicks;

    @Inject
    LinkConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "fyrtarn.public-url")
    String publicUrl;

    /** {@code fyrtarn.public-url} without trailing slashes, then /s/: what every tracked URL starts with. */
    private String linkBase;

    @PostConstruct
    void init() {
        linkBase = publicUrl.replaceAll("/+$", "") + "/s/";
    }

    /** Where a code leads, and whose it is: all a click needs. */
    public record Target(String code, String url, UUID postId, UUID employeeId, Network network, UUID shareId) {
    }

    /** The employee's link for this post and network, made now (attributed to {@code shareId}) if they had none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrackedLinkRepository.Owned issue(UUID employeeId, PublishedPost post, Network network, UUID shareId) {
        String target = Utm.merge(post.url(), network, post.campaign(), post.id());
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = LinkCodes.next(config.codeLength());
            var link = links.insertIfAbsent(code, employeeId, post.id(), network, target, shareId, clock.instant());
            if (link.isPresent()) {
                return link.get();
            }
            // someone else's code, or our link committed by a concurrent share meanwhile: look again
        }
        throw new IllegalStateException("No free link code after " + CODE_ATTEMPTS + " attempts");
    }

    public String trackedUrl(String code) {
        return linkBase + code;
    }

    @Transactional
    public Optional<Target> resolve(String code) {
        return links.findByIdOptional(code).map(l -> new Target(l.code(), l.targetUrl(), l.postId(), l.employeeId(),
                l.network(), l.firstShareId()));
    }

    /** Counted clicks per post, for those of the posts that have any. */
    @Transactional
    public Map<UUID, Long> countedClicks(Collection<UUID> postIds) {
        return clicks.countedByPost(postIds);
    }
}
