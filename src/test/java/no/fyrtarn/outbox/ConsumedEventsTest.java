package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsumedEventsTest {

    private static final String CONSUMER = "retention-test";

    @Inject
    ConsumedEvents consumed;

    @Inject
    EntityManager em;

    @Test
    void marks_older_than_the_retention_are_forgotten_and_newer_ones_still_stop_redeliveries() {
        UUID recent = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        assertThat(firstTimes(recent)).containsExactly(recent);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into consumed_event (consumer, event_id, consumed_at) values (:consumer, :id, :at)")
                .setParameter("consumer", CONSUMER).setParameter("id", old)
                .setParameter("at", Instant.now().minus(Duration.ofDays(31))).executeUpdate());
        assertThat(firstTimes(old)).as("marked a month ago, so a redelivery").isEmpty();

        assertThat(consumed.forgetOld()).isGreaterThanOrEqualTo(1);

        assertThat(firstTimes(recent)).as("still within the retention").isEmpty();
        assertThat(firstTimes(old)).as("forgotten").containsExactly(old);
    }

    private List<UUID> firstTimes(UUID id) {
        return List.copyOf(QuarkusTransaction.requiringNew().call(() -> consumed.firstTimes(CONSUMER, List.of(id))));
    }
}
