package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When the relay sweeps the outbox table: rarely while hand-overs bring everything, soon when they may not have. */
class SweepScheduleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SweepSchedule sweeps = new SweepSchedule(Duration.ofMillis(500), Duration.ofSeconds(5), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void sweeps_at_start_and_then_only_every_idle_interval() {
        assertThat(sweeps.takeDue()).isTrue();
        assertThat(sweeps.takeDue()).as("a sweep was just taken").isFalse();
        assertThat(sweeps.nanosUntilDue()).isEqualTo(Duration.ofSeconds(5).toNanos());

        advance(Duration.ofMillis(4_999));
        assertThat(sweeps.takeDue()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(sweeps.takeDue()).isTrue();
        assertThat(sweeps.nanosUntilDue()).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void a_missed_hand_over_brings_the_next_sweep_to_the_poll_interval_but_never_pushes_it_back() {
        sweeps.takeDue();
        advance(Duration.ofSeconds(1));
        sweeps.soon();
        assertThat(sweeps.nanosUntilDue()).isEqualTo(Duration.ofMillis(500).toNanos());

        advance(Duration.ofMillis(400));
        sweeps.soon(); // again, 100 ms before the sweep: the sweep stays where it was
        assertThat(sweeps.nanosUntilDue()).isEqualTo(Duration.ofMillis(100).toNanos());
        advance(Duration.ofMillis(100));
        assertThat(sweeps.takeDue()).isTrue();
    }

    @Test
    void a_failed_publish_made_during_a_sweep_is_swept_for_when_its_back_off_ends() {
        assertThat(sweeps.takeDue()).isTrue();
        sweeps.within(Duration.ofSeconds(1)); // the sweep's publish failed: due again in 1 s
        sweeps.within(Duration.ofSeconds(2)); // a later one changes nothing

        assertThat(sweeps.nanosUntilDue()).isEqualTo(Duration.ofSeconds(1).toNanos());
        advance(Duration.ofSeconds(1));
        assertThat(sweeps.takeDue()).isTrue();
        assertThat(sweeps.nanosUntilDue()).as("then idle again").isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void a_sweep_that_filled_a_batch_is_followed_at_once() {
        assertThat(sweeps.takeDue()).isTrue();
        sweeps.within(Duration.ZERO);
        assertThat(sweeps.nanosUntilDue()).isZero();
        assertThat(sweeps.takeDue()).isTrue();
    }
}
