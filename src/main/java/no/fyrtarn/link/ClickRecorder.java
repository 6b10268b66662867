package no.fyrtarn.link;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.infra.BackgroundThread;
import no.fyrtarn.outbox.KafkaPublisher;
import no.fyrtarn.outbox.Outbox;
import no.fyrtarn.outbox.Topics;

/**
 * Takes clicks off the redirect's hands (ADR 0003): the redirect only puts a click into a memory queue; one writer
 * thread sends queued clicks to Kafka in batches and waits for the broker's acks. Whatever Kafka does not acknowledge
 * in time goes into the outbox (one transaction per batch), whose relay brings it to Kafka once the broker is back. A
 * batch that reaches neither is kept and retried; a clean shutdown delivers everything queued before the application
 * stops.
 */
@ApplicationScoped
public class ClickRecorder {

    private static final Logger LOG = Logger.getLogger(ClickRecorder.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Duration NAP = Duration.ofMillis(2);

    @Inject
    Outbox outbox;

    @Inject
    KafkaPublisher kafka;

    private final LinkConfig config;
    private final BlockingQueue<ClickEvent> queue;
    private final Counter recorded;
    private final Counter dropped;
    private final Counter spilled;
    private volatile long kafkaFailedAt;
    private volatile boolean kafkaFailed;
    private final BackgroundThread writer = new BackgroundThread("click-recorder");
    /** The writer thread's, for each click's JSON: four UUIDs, two hashes, a user agent and the rest fit in it. */
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(1024);

    @Inject
    ClickRecorder(LinkConfig config, MeterRegistry registry) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.clickBuffer());
        this.recorded = registry.counter("fyrtarn.clicks.recorded");
        this.dropped = registry.counter("fyrtarn.clicks.dropped");
        this.spilled = registry.counter("fyrtarn.clicks.spilled");
        registry.gauge("fyrtarn.clicks.queued", queue, BlockingQueue::size);
    }

    void start(@Observes StartupEvent event) {
        writer.start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writer.stop(SHUTDOWN_GRACE);
        if (!queue.isEmpty()) {
            LOG.errorf("%d clicks could not be written before shutdown", queue.size());
        }
    }

    /** Never blocks: the visitor is redirected whatever happens here. */
    public void record(ClickEvent click) {
        if (!queue.offer(click)) {
            dropped.increment();
            LOG.warnf("Click buffer full (%d); dropped a click on %s", config.clickBuffer(), click.linkCode());
        }
    }

    private void loop() {
        List<ClickEvent> batch = new ArrayList<>(config.clickBatch());
        while (writer.running() || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    ClickEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    fill(batch);
                }
                write(batch);
                recorded.increment(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Could not deliver %d clicks to Kafka or the outbox; retrying: %s", batch.size(), e.toString());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits up to the linger time for the batch to fill: under load one transaction then carries hundreds of clicks
     * instead of a handful, which is what makes the outbox, the relay and the consumer cheap per click. It naps and
     * drains rather than waiting on the queue: a writer waiting there would be woken (and the redirect's thread made
     * to wake it) by every single click.
     */
    private void fill(List<ClickEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + config.clickLinger().toNanos();
        queue.drainTo(batch, config.clickBatch() - batch.size());
        while (batch.size() < config.clickBatch() && writer.running()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Duration.ofNanos(Math.min(left, NAP.toNanos())));
            queue.drainTo(batch, config.clickBatch() - batch.size());
        }
    }

    /** Kafka first; what it did not acknowledge in time goes to the outbox, whose relay keeps trying. */
    private void write(List<ClickEvent> batch) throws InterruptedException {
        List<Outbox.Event> events = batch.stream()
                .map(click -> new Outbox.Event(click.clickId(), Topics.CLICKS, ClickEvent.TYPE, click.employeeId(), click))
                .toList();
        List<Outbox.Event> undelivered = events;
        if (!kafkaFailed || System.nanoTime() - kafkaFailedAt > config.clickKafkaPause().toNanos()) {
            undelivered = sendToKafka(batch, events);
            kafkaFailed = !undelivered.isEmpty(); // then do not make every batch wait for a broker that is away
            kafkaFailedAt = System.nanoTime();
        }
        if (!undelivered.isEmpty()) {
            List<Outbox.Event> spill = undelivered;
            QuarkusTransaction.requiringNew().run(() -> outbox.addAll(spill));
            spilled.increment(spill.size());
        }
    }

    /**
     * @return the events Kafka did not acknowledge within the ack wait (a late ack makes a duplicate: same ce_id), and
     *         those not sent because an earlier one found the broker unreachable
     */
    private List<Outbox.Event> sendToKafka(List<ClickEvent> batch, List<Outbox.Event> events)
            throws InterruptedException {
        List<CompletableFuture<Void>> acks;
        try {
            // when the broker cannot be reached, the clicks after the first that found so are not sent: undelivered
            acks = KafkaPublisher.publishWhileReachable(batch, click -> kafka.publish(click.clickId(), Topics.CLICKS,
                    ClickEvent.TYPE, click.employeeId().toString(), ClickEventJson.write(click, json), click.at()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not hand %d clicks to Kafka; writing them to the outbox: %s", events.size(), e.toString());
            return events;
        }
        List<Throwable> failures = KafkaPublisher.awaitAcks(acks, config.clickAckWait());
        List<Outbox.Event> undelivered = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) != null) {
                undelivered.add(events.get(i));
            }
        }
        undelivered.addAll(events.subList(acks.size(), events.size()));
        if (!undelivered.isEmpty()) {
            LOG.warnf("Kafka did not take %d of %d clicks; they go through the outbox", undelivered.size(), events.size());
        }
        return undelivered;
    }
}
