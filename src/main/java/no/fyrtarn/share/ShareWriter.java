package no.fyrtarn.share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.infra.BackgroundThread;
import no.fyrtarn.infra.Ids;
import no.fyrtarn.infra.Problem;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.link.LinkService;
import no.fyrtarn.link.TrackedLinkRepository.Owned;
import no.fyrtarn.link.TrackedLinkRepository.Owner;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PublishedPost;
import no.fyrtarn.share.ShareRepository.Key;
import no.fyrtarn.share.ShareRepository.Stored;

/**
 * Group commit for shares. A request checks its share (post in the caller's feed, network, text) and hands it here;
 * one writer thread records everything handed over meanwhile in one transaction (the keys used before, the tracked
 * links, the shares and their share.recorded events: one multi-row statement each) and answers each request once that
 * commits. A share that arrives alone is written at once; under load one commit carries many, which is what a
 * transaction per request could not afford. If a batch fails, its shares are written one by one, so a share's failure
 * is only its own request's.
 */
@ApplicationScoped
class ShareWriter {

    private static final Logger LOG = Logger.getLogger(ShareWriter.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    /**
     * A checked share, waiting to be written; {@code answer} completes when it is (or its key's earlier share). Its id
     * is time-ordered: shares arrive in floods, and nothing is found by a share's id alone.
     */
    record Pending(UUID shareId, UUID employeeId, PublishedPost post, Network network, String text,
            String idempotencyKey, String requestHash, Instant at, CompletableFuture<Written> answer) {

        Pending(UUID employeeId, PublishedPost post, Network network, String text, String idempotencyKey,
                String requestHash, Instant at) {
            this(Ids.timeOrdered(at), employeeId, post, network, text, idempotencyKey, requestHash, at,
                    new CompletableFuture<>());
        }

        /** Null without an Idempotency-Key. */
        Key key() {
            return idempotencyKey == null ? null : new Key(employeeId, idempotencyKey);
        }

        LinkService.Wanted link() {
            return new LinkService.Wanted(employeeId, post, network, shareId);
        }

        Stored stored(String linkCode) {
            return new Stored(shareId, post.id(), employeeId, network, linkCode, text, idempotencyKey, requestHash, at);
        }
    }

    /** The share a request gets, and whether it was made now (false: the share its key made before). */
    record Written(Stored share, boolean created) {
    }

    @Inject
    ShareRepository shares;

    @Inject
    LinkService links;

    @Inject
    ShareEvents events;

    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batches;
    private final BackgroundThread writer = new BackgroundThread("share-writer");

    @Inject
    ShareWriter(@ConfigProperty(name = "fyrtarn.shares.write-batch", defaultValue = "200") int maxBatch,
            MeterRegistry registry) {
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(10 * maxBatch);
        this.batches = DistributionSummary.builder("fyrtarn.shares.write.batch")
                .description("Shares written per transaction").register(registry);
        registry.gauge("fyrtarn.shares.write.queued", queue, BlockingQueue::size);
    }

    void start(@Observes StartupEvent event) {
        writer.start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writer.stop(SHUTDOWN_GRACE);
        for (Pending left; (left = queue.poll()) != null; ) {
            left.answer().completeExceptionally(unavailable());
        }
    }

    /**
     * Hands the share to the writer. The answer completes on the writer's thread once the share's transaction
     * committed (or failed); nobody waits for it on a thread of their own. It fails with 503 when the writer is not
     * running, its queue is full, or it has not answered within 30 s.
     */
    CompletableFuture<Written> write(Pending share) {
        if (!writer.running() || !queue.offer(share)) {
            return CompletableFuture.failedFuture(unavailable());
        }
        CompletableFuture<Written> answer = new CompletableFuture<>();
        share.answer().orTimeout(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS).whenComplete((written, failed) -> {
            if (failed == null) {
                answer.complete(written);
            } else {
                answer.completeExceptionally(failed instanceof TimeoutException ? unavailable() : failed);
            }
        });
        return answer;
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "Service Unavailable",
                "Shares cannot be recorded right now; try again with the same Idempotency-Key"));
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (writer.running() || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batches.record(batch.size());
                writeEach(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // the writer must survive whatever one batch does
                LOG.errorf(e, "Could not write %d shares", batch.size());
                batch.forEach(p -> p.answer().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** One transaction for the batch; if it fails, one per share, so each request gets its own share's outcome. */
    void writeEach(List<Pending> batch) {
        try {
            Map<Pending, Written> written = QuarkusTransaction.requiringNew().call(() -> record(batch));
            batch.forEach(p -> p.answer().complete(written.get(p)));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(e);
            } else {
                LOG.debugf("A batch of %d shares failed (%s); writing them one by one", batch.size(), e);
                batch.forEach(p -> writeEach(List.of(p)));
            }
        }
    }

    private Map<Pending, Written> record(List<Pending> batch) {
        Map<Pending, Written> written = new IdentityHashMap<>();
        Map<Key, Stored> earlier = shares.findByKeys(batch.stream().map(Pending::key).filter(k -> k != null)
                .distinct().toList());
        Map<Key, Pending> firstWithKey = new HashMap<>();
        List<Pending> fresh = new ArrayList<>();
        List<Pending> retries = new ArrayList<>(); // a key used earlier in this batch
        for (Pending p : batch) {
            Key key = p.key();
            if (key != null && earlier.containsKey(key)) {
                written.put(p, new Written(earlier.get(key), false));
            } else if (key == null || firstWithKey.putIfAbsent(key, p) == null) {
                fresh.add(p);
            } else {
                retries.add(p);
            }
        }
        if (!fresh.isEmpty()) {
            written.putAll(insert(fresh));
        }
        retries.forEach(p -> written.put(p, new Written(written.get(firstWithKey.get(p.key())).share(), false)));
        return written;
    }

    /** Shares whose keys were unused when the batch began; a concurrent writer elsewhere may have used one since. */
    private Map<Pending, Written> insert(List<Pending> fresh) {
        Map<Owner, Owned> issued = links.issueAll(fresh.stream().map(Pending::link).toList());
        List<Stored> rows = fresh.stream().map(p -> p.stored(issued.get(p.link().owner()).code())).toList();
        Set<UUID> inserted = shares.insertNew(rows);
        Map<Pending, Written> written = new IdentityHashMap<>();
        List<ShareEvents.ShareRecorded> recorded = new ArrayList<>();
        Set<Owner> announcedNew = new HashSet<>();
        List<Pending> taken = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Pending p = fresh.get(i);
            Stored row = rows.get(i);
            if (!inserted.contains(p.shareId())) {
                taken.add(p);
                continue;
            }
            Owner owner = p.link().owner();
            boolean firstOnNetwork = issued.get(owner).created() && announcedNew.add(owner);
            recorded.add(new ShareEvents.ShareRecorded(row.id(), row.postId(), row.employeeId(), row.network(),
                    row.linkCode(), firstOnNetwork, row.at()));
            written.put(p, new Written(row, true));
        }
        events.recorded(recorded);
        if (!taken.isEmpty()) {
            Map<Key, Stored> made = shares.findByKeys(taken.stream().map(Pending::key).toList());
            taken.forEach(p -> written.put(p, new Written(made.get(p.key()), false)));
        }
        return written;
    }
}
