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
import java.util.stream.Stream;

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
import io.quarkus.scheduler.Scheduled;
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
     * is time-ordered: shares arrive in floods, and nothing is found by a share's id alone. {@code madeNanos}: when it
     * was made ({@link System#nanoTime()}), which {@link #refuseLate} counts its 30 s from.
     */
    record Pending(UUID shareId, UUID employeeId, PublishedPost post, Network network, String text,
            String idempotencyKey, String requestHash, Instant at, CompletableFuture<Written> answer, long madeNanos) {

        Pending(UUID employeeId, PublishedPost post, Network network, String text, String idempotencyKey,
                String requestHash, Instant at) {
            this(Ids.timeOrdered(at), employeeId, post, network, text, idempotencyKey, requestHash, at,
                    new CompletableFuture<>(), System.nanoTime());
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
    /** The batch the writer is writing now, if any: besides the queue, what {@link #refuseLate} looks at. */
    private volatile List<Pending> writing = List.of();

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
     * running, its queue is full, or it has not answered within 30 s ({@link #refuseLate}).
     */
    CompletableFuture<Written> write(Pending share) {
        if (!writer.running() || !queue.offer(share)) {
            return CompletableFuture.failedFuture(unavailable());
        }
        return share.answer();
    }

    /**
     * Refuses with 503 the shares made more than 30 s ago that are still waiting (a writer stuck on the database,
     * say). If the writer gets to one later, it is stored all the same, and a retry with its Idempotency-Key answers
     * it. One look a second at the queue and the batch being written, rather than a timer per share: a timer for each
     * of thousands of shares a second, set and cancelled, kept a thread of the JDK's busy (session 25 in
     * docs/performance-log.md).
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refuseLate() {
        refuseLate(System.nanoTime());
    }

    /** As if it were {@code nowNanos} ({@link System#nanoTime()}). */
    void refuseLate(long nowNanos) {
        // the queue copied first: refusing runs the requests' continuations, which must not hold the queue's lock
        Stream.concat(List.copyOf(queue).stream(), writing.stream())
                .filter(p -> nowNanos - p.madeNanos() > ANSWER_WITHIN.toNanos())
                .toList()
                .forEach(p -> p.answer().completeExceptionally(unavailable()));
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "Service Unavailable",
                "Shares cannot be recorded right now; try again with the same Idempotency-Key"));
    }

    private void loop() {
        while (writer.running() || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = new ArrayList<>(maxBatch); // a new one each time: refuseLate may still read the last
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            batches.record(batch.size());
            writing = batch;
            try {
                writeEach(batch);
            } catch (Throwable e) { // the writer must survive whatever one batch does
                LOG.errorf(e, "Could not write %d shares", batch.size());
                batch.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                writing = List.of();
            }
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
