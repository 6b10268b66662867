package no.fyrtarn.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the relay next sweeps the outbox table for due events. A sweep reads the due index, which under a steady stream
 * of inserts and deletes is mostly dead entries until vacuum clears them, so it is not free: the relay sweeps at start,
 * soon ({@code soon}) after something suggests due events are waiting that no hand-over will bring (a hand-over the
 * queue had no room for, a failed relay round), when a failed publish is due again, at once after a sweep that filled
 * a batch, and otherwise every {@code idle} interval, for events another instance committed and did not relay.
 * Used by the relay's thread only.
 */
final class SweepSchedule {

    private final long soonNanos;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private long next;

    SweepSchedule(Duration soon, Duration idle, LongSupplier nanoTime) {
        this.soonNanos = soon.toNanos();
        this.idleNanos = idle.toNanos();
        this.nanoTime = nanoTime;
        this.next = nanoTime.getAsLong(); // at start
    }

    /**
     * Whether a sweep is due; if so the relay sweeps now, and the next is an idle interval away unless something
     * brings it forward meanwhile (a sweep that filled a batch: {@code within(Duration.ZERO)}).
     */
    boolean takeDue() {
        long now = nanoTime.getAsLong();
        if (now - next < 0) {
            return false;
        }
        next = now + idleNanos;
        return true;
    }

    /** How long the relay may wait for hand-overs before the next sweep is due. */
    long nanosUntilDue() {
        return Math.max(0, next - nanoTime.getAsLong());
    }

    /** Due events may be waiting that no hand-over will bring. */
    void soon() {
        within(Duration.ofNanos(soonNanos));
    }

    /** A sweep is wanted after this delay at the latest (a failed publish's back-off). */
    void within(Duration delay) {
        long at = nanoTime.getAsLong() + Math.max(0, delay.toNanos());
        if (at - next < 0) {
            next = at;
        }
    }
}
