package no.fyrtarn.infra;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a hot path reads on every request but rarely changes, kept per key for a short time. Only values that exist
 * are kept (an unknown key is read again each time), and the owner forgets them all when it changes them itself, so
 * the time to keep bounds only what other instances' changes take to show.
 */
public final class KeptFor<K, V> {

    private record Kept<V>(V value, long readAt) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final long keepNanos;
    private final int maxKeys;

    /** @param maxKeys more keys than this and all are forgotten (a bound, not an eviction policy) */
    public KeptFor(Duration keep, int maxKeys) {
        this.keepNanos = keep.toNanos();
        this.maxKeys = maxKeys;
    }

    /** The kept value while it is fresh; else {@code read}'s, kept when present. */
    public Optional<V> get(K key, Supplier<Optional<V>> read) {
        Kept<V> known = kept.get(key);
        if (known != null && System.nanoTime() - known.readAt() < keepNanos) {
            return Optional.of(known.value());
        }
        long readAt = System.nanoTime();
        Optional<V> value = read.get();
        if (value.isPresent()) {
            if (kept.size() >= maxKeys) {
                kept.clear();
            }
            kept.put(key, new Kept<>(value.get(), readAt));
        } else {
            kept.remove(key);
        }
        return value;
    }

    public void forgetAll() {
        kept.clear();
    }
}
