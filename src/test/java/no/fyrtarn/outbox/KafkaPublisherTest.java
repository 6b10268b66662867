package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** Sending a batch while the broker is away, and waiting for its acks: one wait for it, not one per record. */
class KafkaPublisherTest {

    private final List<Integer> sent = new ArrayList<>();

    /** Record {@code failing} fails the moment it is sent, with {@code failure}; the others are in flight. */
    private List<CompletableFuture<Void>> send(int count, int failing, Throwable failure) {
        return KafkaPublisher.publishWhileReachable(IntStream.range(0, count).boxed().toList(), i -> {
            sent.add(i);
            return i == failing ? CompletableFuture.failedFuture(failure) : new CompletableFuture<>();
        });
    }

    @Test
    void stops_at_the_first_record_that_found_the_broker_unreachable() {
        var acks = send(10, 3, new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"));

        assertThat(sent).containsExactly(0, 1, 2, 3);
        assertThat(acks).hasSize(4);
        assertThat(acks.get(3)).isCompletedExceptionally();
    }

    @Test
    void sends_on_past_a_record_that_failed_for_its_own_sake() {
        var acks = send(10, 3, new RecordTooLargeException("too large"));

        assertThat(sent).hasSize(10);
        assertThat(acks).hasSize(10);
    }

    @Test
    void sends_everything_while_nothing_fails_at_once() {
        assertThat(send(500, -1, null)).hasSize(500);
    }

    @Test
    void timeouts_and_lost_connections_are_the_broker_s_absence_an_oversized_record_is_not() {
        assertThat(KafkaPublisher.brokerUnreachable(
                new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"))).isTrue();
        assertThat(KafkaPublisher.brokerUnreachable(new NetworkException("Disconnected"))).isTrue();
        assertThat(KafkaPublisher.brokerUnreachable(new TimeoutException())).as("a sender's own ack wait").isTrue();

        assertThat(KafkaPublisher.brokerUnreachable(new RecordTooLargeException("too large"))).isFalse();
        assertThat(KafkaPublisher.brokerUnreachable(new ExecutionException(new IllegalStateException()))).isFalse();
    }

    @Test
    void an_ack_wait_reports_each_record_acknowledged_refused_or_unanswered() throws InterruptedException {
        var refusal = new RecordTooLargeException("too large");
        List<CompletableFuture<Void>> acks = List.of(CompletableFuture.completedFuture(null),
                CompletableFuture.failedFuture(refusal), new CompletableFuture<>());

        List<Throwable> failures = KafkaPublisher.awaitAcks(acks, Duration.ofMillis(50));

        assertThat(failures).hasSize(3);
        assertThat(failures.get(0)).as("acknowledged").isNull();
        assertThat(failures.get(1)).as("refused").isSameAs(refusal);
        assertThat(failures.get(2)).as("no answer within the wait").isInstanceOf(TimeoutException.class);
    }

    @Test
    void a_batch_waits_once_for_its_acks_not_once_per_record() throws InterruptedException {
        List<Long> offered = new ArrayList<>();
        // each ack waits as long as it is allowed to, as an unanswered one does, and records how long that was
        List<CompletableFuture<Void>> acks = IntStream.range(0, 3).<CompletableFuture<Void>>mapToObj(
                i -> new CompletableFuture<>() {
                    @Override
                    public Void get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
                        offered.add(unit.toNanos(timeout));
                        unit.sleep(timeout);
                        throw new TimeoutException();
                    }
                }).toList();

        List<Throwable> failures = KafkaPublisher.awaitAcks(acks, Duration.ofMillis(50));

        assertThat(failures).allMatch(TimeoutException.class::isInstance);
        assertThat(offered.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(offered.subList(1, 3)).as("what the first left of the wait").containsOnly(0L);
    }
}
