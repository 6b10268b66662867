package no.fyrtarn.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells the relay when the broker is back after an outage, so that the events which failed meanwhile need not wait out
 * their back-off (up to {@code fyrtarn.outbox.max-backoff}): they are due again at once. The broker counts as down
 * after a relay round in which nothing was acknowledged and every failure was one a broker's return cures (a timeout,
 * a lost connection), and as back after a round in which everything was. Events brought forward fail again if the
 * broker is only partly back (one partition's leader missing), so they are brought forward at most once per
 * {@code interval}: at worst such events are tried once more per interval than their back-off alone would. Used by the
 * relay's thread only.
 */
final class BrokerRecovery {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean down;
    private long lastBroughtForward;

    BrokerRecovery(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastBroughtForward = nanoTime.getAsLong() - intervalNanos; // the first return may bring them forward
    }

    /**
     * A relay round in which nothing was acknowledged and every failure was {@link KafkaPublisher#brokerUnreachable}.
     */
    void down() {
        down = true;
    }

    /**
     * A relay round in which every event was acknowledged.
     *
     * @return whether the events still waiting out a back-off should be due now: the broker was down and is back
     */
    boolean allAcknowledged() {
        if (!down) {
            return false;
        }
        long now = nanoTime.getAsLong();
        if (now - lastBroughtForward < intervalNanos) {
            return false; // stays down: asked again after the next good round
        }
        down = false;
        lastBroughtForward = now;
        return true;
    }
}
