package no.fyrtarn.share;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import no.fyrtarn.directory.DirectoryService.Member;
import no.fyrtarn.infra.Hashes;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.Problem;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.link.LinkService;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PublishedPost;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.share.ShareRepository.Key;
import no.fyrtarn.share.ShareRepository.Stored;

/** Recording shares: one tap in the feed becomes a share, the employee's tracked link and a share.recorded event. */
@ApplicationScoped
public class ShareService {

    /** An Idempotency-Key's characters (visible ASCII) and its longest length; the OpenAPI document states them too. */
    static final String IDEMPOTENCY_KEY_CHARACTERS = "[\\x21-\\x7e]";

    static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(
            IDEMPOTENCY_KEY_CHARACTERS + "{1," + IDEMPOTENCY_KEY_MAX_LENGTH + "}");

    @Inject
    ShareRepository shares;

    @Inject
    PostService posts;

    @Inject
    LinkService links;

    @Inject
    ShareWriter writer;

    @Inject
    Clock clock;

    /** Worker threads with the request's context (who is calling), for what may block. */
    @Inject
    ManagedExecutor workers;

    /** A share, and whether this request made it (false: a retry with the same Idempotency-Key). */
    public record Recorded(ShareView share, boolean created) {
    }

    /**
     * The same Idempotency-Key again answers the share it made, even while the first request is still running; with a
     * different body it is refused. Without a key every call records a new share (on the same tracked link). The share
     * is checked here and written by {@link ShareWriter}, together with whatever other shares arrived meanwhile; the
     * answer completes when that commits, and no thread waits for it meanwhile. The checks run on the caller's thread
     * (the event loop, for the API) when the caller and the post are kept in memory; else on a worker thread, since
     * reading them may block.
     */
    public CompletionStage<Recorded> record(CurrentUser user, UUID postId, ShareRequest request,
            String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("Idempotency-Key", Language.text("fyrtarn.idempotency-key"));
        }
        // without a key no later request is compared with this one: nothing to fingerprint, nothing to store
        return record(user, postId, request, idempotencyKey,
                idempotencyKey == null ? null : fingerprint(postId, request));
    }

    /** With the key checked and the request's fingerprint taken once, also when the checks move to a worker. */
    private CompletionStage<Recorded> record(CurrentUser user, UUID postId, ShareRequest request,
            String idempotencyKey, String fingerprint) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            return checkedReading(user.member(), postId, request, idempotencyKey, fingerprint);
        }
        return user.memberIfKept()
                .flatMap(who -> checked(who, () -> posts.inFeedIfKept(postId, who.teamId()), request, idempotencyKey,
                        fingerprint))
                .orElseGet(() -> workers
                        .supplyAsync(() -> record(user, postId, request, idempotencyKey, fingerprint))
                        .thenCompose(stage -> stage));
    }

    /** The same, waiting for the answer: for callers on a worker thread (the feed page's form). */
    public Recorded recordNow(CurrentUser user, UUID postId, ShareRequest request, String idempotencyKey) {
        try {
            return record(user, postId, request, idempotencyKey).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * A share by {@code who} without a request of theirs, waiting for it to be written: the demo organisation's
     * ({@link DemoShares}). Without an Idempotency-Key, so each call is a share.
     */
    Recorded recordFor(Member who, UUID postId, Network network) {
        return checkedReading(who, postId, new ShareRequest(network, null), null, null).toCompletableFuture().join();
    }

    /** Checks the share against {@code who}'s feed, reading the post if need be (a worker thread). */
    private CompletionStage<Recorded> checkedReading(Member who, UUID postId, ShareRequest request,
            String idempotencyKey, String fingerprint) {
        return checked(who, () -> Optional.of(posts.inFeed(postId, who.teamId())), request, idempotencyKey,
                fingerprint).orElseThrow();
    }

    /**
     * Checks the share against the caller's feed and hands it to the writer; empty when {@code inFeed} does not know
     * the post without reading it.
     */
    private Optional<CompletionStage<Recorded>> checked(Member who, Supplier<Optional<PublishedPost>> inFeed,
            ShareRequest request, String idempotencyKey, String fingerprint) {
        PublishedPost post;
        try {
            Optional<PublishedPost> known = inFeed.get();
            if (known.isEmpty()) {
                return Optional.empty();
            }
            post = known.get();
            if (!post.networks().contains(request.network())) {
                throw ProblemException.badRequest("network",
                        Language.text("fyrtarn.network.of-post", "networks", post.networks()));
            }
        } catch (ProblemException refused) {
            if (idempotencyKey == null) {
                throw refused;
            }
            // a retry answers what its key made, even if the post has left the feed since
            return Optional.of(workers.supplyAsync(() -> earlier(who, idempotencyKey)
                    .map(share -> replay(share, fingerprint)).orElseThrow(() -> refused)));
        }
        String text = ShareIntents.fitted(request.network(), request.ownText() != null ? request.ownText()
                : CaptionVariants.captionFor(who.employeeId(), post, request.network()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        return Optional.of(writer.write(new ShareWriter.Pending(who.employeeId(), post, request.network(), text,
                idempotencyKey, fingerprint, now)).thenApply(written -> written.created()
                        ? new Recorded(view(written.share()), true) : replay(written.share(), fingerprint)));
    }

    private Optional<Stored> earlier(Member who, String idempotencyKey) {
        Key key = new Key(who.employeeId(), idempotencyKey);
        return Optional.ofNullable(QuarkusTransaction.joiningExisting().call(() -> shares.findByKeys(List.of(key)))
                .get(key));
    }

    private Recorded replay(Stored earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "Unprocessable Content",
                    "This Idempotency-Key was used for a different share; use a new key for a new share"));
        }
        return new Recorded(view(earlier), false);
    }

    private ShareView view(Stored share) {
        String trackedUrl = links.trackedUrl(share.linkCode());
        return new ShareView(share.id(), share.postId(), share.network(), trackedUrl,
                ShareIntents.intentUrl(share.network(), trackedUrl, share.text()), share.text(), share.at());
    }

    /** What makes two requests the same: post, network and own text. */
    private static String fingerprint(UUID postId, ShareRequest request) {
        String own = request.ownText();
        String canonical = postId + "\n" + request.network() + "\n" + (own == null ? "-" : "+" + own);
        return HexFormat.of().formatHex(Hashes.sha256(canonical));
    }
}
