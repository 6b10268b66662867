package no.fyrtarn.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
import no.fyrtarn.outbox.Outbox;
import no.fyrtarn.outbox.Topics;

/**
 * Takes clicks off the redirect's hands (ADR 0003): the redirect only puts a click into a memory queue; one writer
 * thread moves queued clicks into the outbox in batches, one transaction per batch, and from there the outbox relay
 * brings them to Kafka whenever it is reachable. A failed write keeps its batch and retries; a clean shutdown writes
 * everything queued before the application stops.
 */
@ApplicationScoped
public class ClickRecorder {

    private static final Logger LOG = Logger.getLogger(ClickRecorder.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;

    private final LinkConfig config;
    private final BlockingQueue<ClickEvent> queue;
    private final Counter recorded;
    private final Counter dropped;
    private volatile boolean running;
    private Thread writer;

    @Inject
    ClickRecorder(LinkConfig config, MeterRegistry registry) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.clickBuffer());
        this.recorded = registry.counter("fyrtarn.clicks.recorded");
        this.dropped = registry.counter("fyrtarn.clicks.dropped");
        registry.gauge("fyrtarn.clicks.queued", queue, BlockingQueue::size);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = Thread.ofPlatform().name("click-recorder").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        writer.join(SHUTDOWN_GRACE.toMillis());
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
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
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
                LOG.warnf("Could not write %d clicks to the outbox; retrying: %s", batch.size(), e.toString());
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
     * instead of a handful, which is what makes the outbox, the relay and the consumer cheap per click.
     */
    private void fill(List<ClickEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + config.clickLinger().toNanos();
        queue.drainTo(batch, config.clickBatch() - batch.size());
        while (batch.size() < config.clickBatch() && running) {
            long left = deadline - System.nanoTime();
            ClickEvent next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, config.clickBatch() - batch.size());
        }
    }

    private void write(List<ClickEvent> batch) {
        List<Outbox.Event> events = batch.stream()
                .map(click -> new Outbox.Event(click.clickId(), Topics.CLICKS, ClickEvent.TYPE, click.employeeId(), click))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.addAll(events));
    }
}
