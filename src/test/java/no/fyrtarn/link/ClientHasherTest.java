package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.testing.MovableClock;

@QuarkusTest
class ClientHasherTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36";

    @Inject
    ClientHasher clients;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void cleanUp() {
        clock.reset();
        clients.rotate();
    }

    private static Instant nextMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private List<LocalDate> keyDays() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select day from client_hash_key order by day", LocalDate.class).getResultList());
    }

    @Test
    void a_client_near_midnight_is_also_hashed_under_the_key_of_the_day_across_it() {
        Instant midnight = nextMidnight(clock.instant());
        var before = clients.identify(ADDRESS, PHONE, midnight.minus(Duration.ofMinutes(10)));
        var after = clients.identify(ADDRESS, PHONE, midnight.plus(Duration.ofMinutes(10)));

        assertThat(after.hash()).matches("[0-9a-f]{32}").isNotEqualTo(before.hash()); // the key changed at midnight
        assertThat(after.adjacentDayHash()).isEqualTo(before.hash());
        assertThat(before.adjacentDayHash()).isEqualTo(after.hash());
        assertThat(clients.identify(ADDRESS, PHONE, midnight.plus(Duration.ofHours(12))).hash())
                .isEqualTo(after.hash());
        // another client, or the same one outside the counting window of midnight
        assertThat(clients.identify("203.0.113.8", PHONE, midnight.plus(Duration.ofMinutes(10))).adjacentDayHash())
                .isNotEqualTo(before.hash());
        assertThat(clients.identify(ADDRESS, PHONE, midnight.plus(Duration.ofMinutes(31))).adjacentDayHash()).isNull();
        assertThat(clients.identify(ADDRESS, PHONE, midnight.minus(Duration.ofMinutes(31))).adjacentDayHash()).isNull();
    }

    @Test
    void yesterdays_key_is_kept_for_the_counting_window_after_midnight_and_then_deleted() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.advance(Duration.between(clock.instant(), midnight.plus(Duration.ofMinutes(20))));
        clients.rotate();
        assertThat(keyDays()).contains(today.minusDays(1), today, today.plusDays(1));

        clock.advance(Duration.ofMinutes(15)); // 00:35, the window after midnight is over
        clients.rotate();
        assertThat(keyDays()).contains(today, today.plusDays(1)).allMatch(day -> !day.isBefore(today));
    }
}
