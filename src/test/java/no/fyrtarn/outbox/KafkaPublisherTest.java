package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** Sending a batch while the broker is away: one wait for it, not one per record. */
class KafkaPublisherTest {

    private final KafkaPublisher publisher = new KafkaPublisher();
    private final List<Integer> sent = new ArrayList<>();

    /** Record {@code failing} fails the moment it is sent, with {@code failure}; the others are in flight. */
    private List<CompletableFuture<Void>> send(int count, int failing, Throwable failure) {
        return publisher.publishWhileReachable(IntStream.range(0, count).boxed().toList(), i -> {
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
}
