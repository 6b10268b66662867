package no.fyrtarn.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.infra.BackgroundThread;

/**
 * Publishes due outbox events to Kafka, oldest first, and deletes them once the broker acknowledged them. While
 * the broker is unreachable, events stay in the table and are retried with exponential back-off: none is lost.
 * Delivery is at least once (an ack lost after a write means a resend), so consumers deduplicate by ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository events;

    @Inject
    KafkaPublisher publisher;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    private final Counter published;
    private final Counter failed;

    @Inject
    OutboxRelay(MeterRegistry registry, OutboxRepository repository) {
        this.published = registry.counter("fyrtarn.outbox.published");
        this.failed = registry.counter("fyrtarn.outbox.failed");
        Gauge.builder("fyrtarn.outbox.pending", repository, r -> QuarkusTransaction.requiringNew().call(r::pending))
                .description("Events not yet acknowledged by Kafka").strongReference(true).register(registry);
    }

    private final Semaphore wakeUps = new Semaphore(0);
    private final BackgroundThread worker = new BackgroundThread("outbox-relay");

    void start(@Observes StartupEvent event) {
        worker.start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop(config.ackTimeout(), this::wake);
    }

    /** Called after a transaction that added events commits, so they leave without waiting for the next poll. */
    void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (worker.running()) {
            try {
                if (relayBatch() < config.batchSize()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay round failed; retrying", e);
                sleepQuietly(config.pollInterval());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many events were published, 0 when a publish failed (back off until the next poll). */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) config.ackTimeout().toSeconds() + 30).call(() -> {
            List<OutboxEvent> due = events.claimDue(clock.instant(), config.batchSize());
            if (due.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = due.stream().map(publisher::publish).toList();
            long deadline = System.nanoTime() + config.ackTimeout().toNanos();
            List<UUID> acked = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) {
                OutboxEvent event = due.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acked.add(event.id());
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    events.markFailed(event.id(), clock.instant().plus(backoff(event.attempts())), String.valueOf(cause));
                    LOG.warnf("Could not publish event %s (%s) to %s, attempt %d: %s", event.id(), event.type(),
                            event.topic(), event.attempts(), cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            events.removeSent(acked); // one statement for the batch, not one per row
            int ok = acked.size();
            published.increment(ok);
            failed.increment(due.size() - ok);
            return ok == due.size() ? ok : 0;
        });
    }

    private Duration backoff(int attempts) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }
}
