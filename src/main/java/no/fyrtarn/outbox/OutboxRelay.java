package no.fyrtarn.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import no.fyrtarn.infra.DatabaseOutage;

/**
 * Publishes due outbox events to Kafka, those due longest first, and deletes them once the broker acknowledged them.
 * While the broker is unreachable, events stay in the table and are retried with exponential back-off: none is lost.
 * Delivery is at least once (an ack lost after a write means a resend), so consumers deduplicate by ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How many batches of committed events may wait for the relay before it leaves the rest to its sweeps. */
    private static final int HANDED_OVER_BATCHES = 20;
    /** Handed over at shutdown so a relay waiting for events notices at once; it matches no event. */
    private static final UUID WAKE_UP = new UUID(0, 0);

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
    private final BlockingQueue<UUID> committed;
    /** Set when committed events found the queue full: the next sweep should come soon. */
    private volatile boolean missedHandOver;
    /** The relay thread's alone. */
    private final SweepSchedule sweeps;
    /** The relay thread's alone. */
    private final BrokerRecovery recovery;

    @Inject
    OutboxRelay(MeterRegistry registry, OutboxRepository repository, OutboxConfig config) {
        this.committed = new ArrayBlockingQueue<>(HANDED_OVER_BATCHES * config.batchSize());
        this.sweeps = new SweepSchedule(config.pollInterval(), config.sweepInterval(), System::nanoTime);
        this.recovery = new BrokerRecovery(config.maxBackoff(), System::nanoTime);
        this.published = registry.counter("fyrtarn.outbox.published");
        this.failed = registry.counter("fyrtarn.outbox.failed");
        Gauge.builder("fyrtarn.outbox.pending", repository, r -> QuarkusTransaction.requiringNew().call(r::pending))
                .description("Events not yet acknowledged by Kafka").strongReference(true).register(registry);
    }

    private final BackgroundThread worker = new BackgroundThread("outbox-relay");

    void start(@Observes StartupEvent event) {
        worker.start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop(config.ackTimeout(), () -> committed.offer(WAKE_UP));
    }

    /**
     * Events this instance has just committed: they leave at once, claimed by id. When the queue is full the rest
     * wait for the next sweep of the table; nothing is lost.
     */
    void committed(List<UUID> ids) {
        for (UUID id : ids) {
            if (!committed.offer(id)) {
                missedHandOver = true;
                return;
            }
        }
    }

    /**
     * Relays what was handed over as it comes, and sweeps the table for due events when {@link SweepSchedule} says:
     * retries when they are due, hand-overs the queue had no room for, events another instance committed and did not
     * relay.
     */
    private void loop() {
        List<UUID> ids = new ArrayList<>(config.batchSize());
        while (worker.running()) {
            try {
                if (missedHandOver) {
                    missedHandOver = false;
                    sweeps.soon();
                }
                if (sweeps.takeDue() && relayDue() == config.batchSize()) {
                    sweeps.within(Duration.ZERO); // there may be more
                }
                UUID first = committed.poll(sweeps.nanosUntilDue(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    ids.add(first);
                    committed.drainTo(ids, config.batchSize() - 1);
                    relay(() -> events.claim(ids));
                    ids.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (DatabaseOutage.causedBy(e)) {
                    LOG.warnf("Outbox relay round failed, the database cannot be reached (%s); retrying",
                            e.getMessage());
                } else {
                    LOG.warn("Outbox relay round failed; retrying", e);
                }
                ids.clear(); // what it held is still in the table: the next sweep finds it
                sweeps.soon();
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

    /** Relays the events due longest (up to a batch): what a sweep does. @return how many were published */
    private int relayDue() {
        return relay(() -> events.claimDue(clock.instant(), config.batchSize()));
    }

    /**
     * Publishes the events {@code claim} locks, in one transaction that deletes those Kafka acknowledged and puts the
     * others off with back-off. The first round after an outage in which Kafka acknowledged everything makes the
     * events still waiting out a back-off due at once ({@link BrokerRecovery}).
     *
     * @return how many events were published, 0 when a publish failed or the broker could not be reached
     */
    private int relay(Supplier<List<OutboxEvent>> claim) {
        return QuarkusTransaction.requiringNew().timeout((int) config.ackTimeout().toSeconds() + 30).call(() -> {
            List<OutboxEvent> due = claim.get();
            if (due.isEmpty()) {
                return 0;
            }
            // when the broker cannot be reached, the events after the first that found so are not sent: still due
            List<CompletableFuture<Void>> acks = KafkaPublisher.publishWhileReachable(due, publisher::publish);
            List<Throwable> failures;
            try {
                failures = KafkaPublisher.awaitAcks(acks, config.ackTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0; // the events stay due; those already acknowledged are sent again, and consumers dedupe
            }
            List<UUID> acked = new ArrayList<>(due.size());
            int unreachable = 0; // failures the broker's return cures
            for (int i = 0; i < failures.size(); i++) {
                OutboxEvent event = due.get(i);
                Throwable cause = failures.get(i);
                if (cause == null) {
                    acked.add(event.id());
                    continue;
                }
                if (KafkaPublisher.brokerUnreachable(cause)) {
                    unreachable++;
                }
                Duration backoff = backoff(event.attempts());
                events.markFailed(event.id(), clock.instant().plus(backoff), String.valueOf(cause));
                sweeps.within(backoff);
                LOG.warnf("Could not publish event %s (%s) to %s, attempt %d: %s", event.id(), event.type(),
                        event.topic(), event.attempts(), cause);
            }
            events.removeSent(acked); // one statement for the batch, not one per row
            int ok = acked.size();
            published.increment(ok);
            failed.increment(acks.size() - ok);
            if (unreachable == acks.size()) {
                recovery.down();
            } else if (ok == due.size() && recovery.allAcknowledged()) {
                int waiting = events.dueNow(clock.instant());
                sweeps.within(Duration.ZERO);
                LOG.infof("Kafka acknowledges events again; %d events waiting out a back-off are due now", waiting);
            }
            return ok == due.size() ? ok : 0;
        });
    }

    private Duration backoff(int attempts) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }
}
