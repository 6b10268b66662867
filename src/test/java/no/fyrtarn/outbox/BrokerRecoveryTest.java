package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When events waiting out a back-off may go at once: when the broker is back, not whenever something succeeds. */
class BrokerRecoveryTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final BrokerRecovery recovery = new BrokerRecovery(Duration.ofMinutes(1), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void a_good_round_brings_the_waiting_events_forward_only_after_the_broker_was_down() {
        assertThat(recovery.allAcknowledged()).as("nothing was down").isFalse();

        recovery.down();
        recovery.down();
        assertThat(recovery.allAcknowledged()).as("the broker is back").isTrue();
        assertThat(recovery.allAcknowledged()).as("already brought forward").isFalse();
    }

    @Test
    void a_broker_that_keeps_coming_and_going_brings_them_forward_at_most_once_per_interval() {
        recovery.down();
        assertThat(recovery.allAcknowledged()).isTrue();

        advance(Duration.ofSeconds(10));
        recovery.down(); // a partition whose leader is missing: its events fail again
        assertThat(recovery.allAcknowledged()).as("within the interval: they wait out their back-off").isFalse();
        advance(Duration.ofSeconds(49));
        assertThat(recovery.allAcknowledged()).isFalse();

        advance(Duration.ofSeconds(1));
        assertThat(recovery.allAcknowledged()).as("an interval on, the outage is still remembered").isTrue();
        assertThat(recovery.allAcknowledged()).isFalse();
    }
}
