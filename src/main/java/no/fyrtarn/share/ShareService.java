package no.fyrtarn.share;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.DirectoryService.Member;
import no.fyrtarn.infra.Hashes;
import no.fyrtarn.infra.Problem;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.link.LinkService;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PublishedPost;

/** Recording shares: one tap in the feed becomes a share, the employee's tracked link and a share.recorded event. */
@ApplicationScoped
public class ShareService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    @Inject
    ShareRepository shares;

    @Inject
    PostService posts;

    @Inject
    LinkService links;

    @Inject
    ShareEvents events;

    @Inject
    Clock clock;

    /** A share, and whether this request made it (false: a retry with the same Idempotency-Key). */
    public record Recorded(ShareView share, boolean created) {
    }

    /**
     * The same Idempotency-Key again answers the share it made, even while the first request is still running; with a
     * different body it is refused. Without a key every call records a new share (on the same tracked link).
     */
    @Transactional
    public Recorded record(Member who, UUID postId, ShareRequest request, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        String fingerprint = fingerprint(postId, request);
        if (idempotencyKey != null) {
            var earlier = shares.findByKey(who.employeeId(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        PublishedPost post = posts.inFeed(postId, who.teamId());
        if (!post.networks().contains(request.network())) {
            throw ProblemException.badRequest("network", "must be one of the post's networks " + post.networks());
        }
        String text = ShareIntents.fitted(request.network(), request.ownText() != null ? request.ownText()
                : CaptionVariants.captionFor(who.employeeId(), post, request.network()));
        UUID shareId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        var link = links.issue(who.employeeId(), post, request.network(), shareId);
        if (!shares.insertUnlessKeyUsed(shareId, post.id(), who.employeeId(), request.network(), link.code(), text,
                idempotencyKey, fingerprint, now)) {
            // a concurrent request with the same key committed first: answer its share
            return replay(shares.findByKey(who.employeeId(), idempotencyKey).orElseThrow(), fingerprint);
        }
        events.recorded(new ShareEvents.ShareRecorded(shareId, post.id(), who.employeeId(), request.network(),
                link.code(), link.created(), now));
        return new Recorded(view(shareId, post.id(), request.network(), link.code(), text, now), true);
    }

    private Recorded replay(Share earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "Unprocessable Content",
                    "This Idempotency-Key was used for a different share; use a new key for a new share"));
        }
        return new Recorded(view(earlier.id(), earlier.postId(), earlier.network(), earlier.linkCode(), earlier.text(),
                earlier.createdAt()), false);
    }

    private ShareView view(UUID id, UUID postId, Network network, String linkCode, String text, Instant at) {
        String trackedUrl = links.trackedUrl(linkCode);
        return new ShareView(id, postId, network, trackedUrl, ShareIntents.intentUrl(network, trackedUrl, text), text,
                at);
    }

    /** What makes two requests the same: post, network and own text. */
    private static String fingerprint(UUID postId, ShareRequest request) {
        String own = request.ownText();
        String canonical = postId + "\n" + request.network() + "\n" + (own == null ? "-" : "+" + own);
        return HexFormat.of().formatHex(Hashes.sha256(canonical));
    }
}
