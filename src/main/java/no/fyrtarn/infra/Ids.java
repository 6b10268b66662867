package no.fyrtarn.infra;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids read from text, and time-ordered ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random
 * bits. Those are for rows written in floods, such as clicks: a new id lands at the right edge of its primary-key index
 * instead of on a random page, and making one needs no {@code SecureRandom} (which {@link UUID#randomUUID()} takes a
 * lock on). Not for ids that must be unguessable: the time is readable and the randomness is not cryptographic.
 */
public final class Ids {

    private Ids() {
    }

    /** The UUID the text spells, or empty for text that spells none (a mistyped or cut-off link, say). */
    public static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static UUID timeOrdered(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // variant 10
        return new UUID(high, low);
    }
}
