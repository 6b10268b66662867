package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumer's batch that keeps failing (the database away) at a clean stop: the stop wakes it from its back-off, it
 * tries once more and gives up (Kafka redelivers it after the restart), and {@link KafkaShutdown}'s wait sees it go.
 * Its own EventBatches, so that stopping it stops no consumer of the running service.
 */
@QuarkusTest
class EventBatchesStopTest {

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Test
    void a_batch_waiting_out_a_failure_gives_up_at_the_stop_instead_of_sleeping_on() throws Exception {
        EventBatches batches = new EventBatches();
        batches.registry = registry;
        batches.clock = clock;
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> {
            try {
                batches.inTransaction("stop-test", 1, () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("the database is away");
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // after the fourth failure the batch waits 4 s before its fifth attempt
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 4);
        assertThat(batches.awaitIdle(Duration.ofMillis(200))).as("idle while a batch is being applied").isFalse();

        batches.stop(null);

        assertThatThrownBy(() -> batch.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("stop-test did not apply 1 events before the stop:"
                        + " java.lang.IllegalStateException: the database is away");
        assertThat(attempts).as("one more attempt at the stop, not another back-off").hasValue(5);
        assertThat(batches.awaitIdle(Duration.ofMillis(200))).isTrue();
    }
}
