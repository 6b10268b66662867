package no.fyrtarn.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Identifies a click's client without keeping its IP address: HMAC-SHA256 of address and user agent under a key that
 * changes every UTC day. Keys are random, shared by all instances through the database, made a day ahead and deleted
 * once their day and the counting window after it are over, after which nobody can tell which address a hash came
 * from.
 * <p>
 * A client's hash changes at midnight, but the counting window must not: a click within the window of midnight is
 * also hashed under the key of the day on the other side of it, so the click consumer can tell that a client who
 * clicked at 23:50 is the one clicking at 00:10 (ADR 0003).
 */
@ApplicationScoped
public class ClientHasher {

    private static final Logger LOG = Logger.getLogger(ClientHasher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    LinkConfig config;

    /** Looking up a Mac costs more than computing one: each thread keeps its own and re-keys it per hash. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private final Map<LocalDate, SecretKeySpec> keys = new ConcurrentHashMap<>();

    /**
     * A click's client.
     *
     * @param hash under the key of the click's UTC day
     * @param adjacentDayHash within the counting window of midnight, under the key of the day on its other side;
     *        otherwise null
     */
    public record Client(String hash, String adjacentDayHash) {
    }

    void onStart(@Observes StartupEvent event) {
        rotate();
    }

    /**
     * Makes the keys from yesterday's (while the counting window after midnight lasts) to tomorrow's, if no instance
     * did; loads them; and deletes older ones.
     */
    @Scheduled(every = "10m", delayed = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rotate() {
        QuarkusTransaction.requiringNew().run(this::rotateKeys);
    }

    private void rotateKeys() {
        Instant now = clock.instant();
        LocalDate keepFrom = LocalDate.ofInstant(now.minus(config.counting().window()), ZoneOffset.UTC);
        LocalDate tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        entityManager.createNativeQuery("delete from client_hash_key where day < :keepFrom")
                .setParameter("keepFrom", keepFrom).executeUpdate();
        for (LocalDate day : keepFrom.datesUntil(tomorrow.plusDays(1)).toList()) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            entityManager.createNativeQuery("insert into client_hash_key (day, secret) values (:day, :secret) "
                    + "on conflict do nothing").setParameter("day", day).setParameter("secret", secret).executeUpdate();
            byte[] stored = (byte[]) entityManager.createNativeQuery("select secret from client_hash_key where day = :day")
                    .setParameter("day", day).getSingleResult();
            keys.put(day, new SecretKeySpec(stored, "HmacSHA256"));
        }
        keys.keySet().removeIf(day -> day.isBefore(keepFrom));
    }

    /** Hashes of 128 bits of HMAC, hex; the same client on the same day gets the same hash. */
    public Client identify(String address, String userAgent, Instant at) {
        long epochDay = Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        long intoDay = Duration.ofSeconds(at.getEpochSecond() - epochDay * SECONDS_PER_DAY, at.getNano()).toNanos();
        long window = config.counting().window().toNanos();
        LocalDate adjacent = intoDay < window ? day.minusDays(1)
                : intoDay >= NANOS_PER_DAY - window ? day.plusDays(1) : null;
        SecretKeySpec adjacentKey = adjacent == null ? null : keys.get(adjacent);
        return new Client(hash(keyOf(day), address, userAgent),
                adjacentKey == null ? null : hash(adjacentKey, address, userAgent));
    }

    private SecretKeySpec keyOf(LocalDate day) {
        return keys.computeIfAbsent(day, d -> {
            // only when rotation has not run for a day: a key of this instance alone is better than no hash
            LOG.warnf("No shared client-hash key for %s; using one of this instance only", d);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return new SecretKeySpec(secret, "HmacSHA256");
        });
    }

    private static String hash(SecretKeySpec key, String address, String userAgent) {
        try {
            Mac mac = MACS.get();
            mac.init(key);
            mac.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
