package no.fyrtarn.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
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
 * once their day is over, after which nobody can tell which address a hash came from.
 */
@ApplicationScoped
public class ClientHasher {

    private static final Logger LOG = Logger.getLogger(ClientHasher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Looking up a Mac costs more than computing one: each thread keeps its own and re-keys it per hash. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private final Map<LocalDate, SecretKeySpec> keys = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        rotate();
    }

    /** Makes today's and tomorrow's keys (if no instance did), loads them, and forgets older days. */
    @Scheduled(every = "10m", delayed = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rotate() {
        QuarkusTransaction.requiringNew().run(this::rotateKeys);
    }

    private void rotateKeys() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        entityManager.createNativeQuery("delete from client_hash_key where day < :today").setParameter("today", today)
                .executeUpdate();
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            entityManager.createNativeQuery("insert into client_hash_key (day, secret) values (:day, :secret) "
                    + "on conflict do nothing").setParameter("day", day).setParameter("secret", secret).executeUpdate();
            byte[] stored = (byte[]) entityManager.createNativeQuery("select secret from client_hash_key where day = :day")
                    .setParameter("day", day).getSingleResult();
            keys.put(day, new SecretKeySpec(stored, "HmacSHA256"));
        }
        keys.keySet().removeIf(day -> day.isBefore(today));
    }

    /** 128 bits of HMAC, hex; the same client on the same day gets the same hash. */
    public String hash(String address, String userAgent, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        SecretKeySpec key = keys.computeIfAbsent(day, d -> {
            // only when rotation has not run for a day: a key of this instance alone is better than no hash
            LOG.warnf("No shared client-hash key for %s; using one of this instance only", d);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return new SecretKeySpec(secret, "HmacSHA256");
        });
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
