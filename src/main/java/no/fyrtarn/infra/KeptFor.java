package no.fyrtarn.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a hot path reads on every request but rarely changes, kept per key for a short time. Only values that exist
 * are kept (an unknown key is read again each time), and the owner forgets them all when it changes them itself, so
 * the time to keep bounds only what other instances' changes take to show. A value read while the owner forgot them
 * all is handed out but not kept, since it may predate the change.
 */
public final class KeptFor<K, V> {

    private record Kept<V>(V value, long readAt) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    /** How often all were forgotten: a read that saw it change may have read what was forgotten. */
    private final AtomicLong forgotten = new AtomicLong();
    private final long keepNanos;
    private final int maxKeys;

    /** @param maxKeys more keys than this and all are forgotten (a bound, not an eviction policy) */
    public KeptFor(Duration keep, int maxKeys) {
        this.keepNanos = keep.toNanos();
        this.maxKeys = maxKeys;
    }

    /** The kept value while it is fresh; else {@code read}'s, kept when present. */
    public Optional<V> get(K key, Supplier<Optional<V>> read) {
        Optional<V> fresh = ifKept(key);
        if (fresh.isPresent()) {
            return fresh;
        }
        long readAt = System.nanoTime();
        long generation = forgotten.get();
        Optional<V> value = read.get();
        if (value.isPresent()) {
            keep(Map.of(key, value.get()), readAt, generation);
        } else {
            kept.remove(key);
        }
        return value;
    }

    /** The kept value while it is fresh, without reading: for a caller that must not block (the event loop). */
    public Optional<V> ifKept(K key) {
        Kept<V> known = kept.get(key);
        return known != null && System.nanoTime() - known.readAt() < keepNanos ? Optional.of(known.value())
                : Optional.empty();
    }

    /**
     * The values of these keys: those kept and fresh, the others through one call of {@code read} (keys it leaves out
     * have no value and are not in the answer).
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> read) {
        Map<K, V> values = HashMap.newHashMap(keys.size());
        List<K> missing = new ArrayList<>();
        long now = System.nanoTime();
        for (K key : keys) {
            Kept<V> known = kept.get(key);
            if (known != null && now - known.readAt() < keepNanos) {
                values.put(key, known.value());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            long generation = forgotten.get();
            Map<K, V> fresh = read.apply(missing);
            keep(fresh, now, generation);
            values.putAll(fresh);
        }
        return values;
    }

    public void forgetAll() {
        forgotten.incrementAndGet();
        kept.clear();
    }

    private void keep(Map<K, V> values, long readAt, long generation) {
        if (kept.size() + values.size() > maxKeys) {
            kept.clear();
        }
        values.forEach((key, value) -> kept.put(key, new Kept<>(value, readAt)));
        if (forgotten.get() != generation) { // forgotten meanwhile: what was just read may be older than the change
            values.keySet().forEach(kept::remove);
        }
    }
}
