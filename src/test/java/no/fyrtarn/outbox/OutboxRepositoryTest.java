package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.infra.Ids;

/**
 * Which events a sweep takes, in which order, and how the broker's return makes the waiting ones due. Each test works
 * in one transaction it rolls back, so the relay never sees its rows.
 */
@QuarkusTest
class OutboxRepositoryTest {

    @Inject
    OutboxRepository events;

    private UUID insert(Instant createdAt) {
        UUID id = Ids.timeOrdered(createdAt);
        events.insert(new OutboxEvent(id, Topics.POSTS, id.toString(), "post.expired", "{}", createdAt));
        return id;
    }

    private static void inRolledBackTransaction(Runnable work) {
        QuarkusTransaction.begin();
        try {
            work.run();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private List<UUID> claimDue(Instant now) {
        return events.claimDue(now, 10).stream().map(OutboxEvent::id).toList();
    }

    @Test
    void a_sweep_takes_due_events_oldest_first_and_leaves_those_waiting_out_a_back_off() {
        Instant now = Instant.now().plusSeconds(3_600); // later than any row another test left behind
        inRolledBackTransaction(() -> {
            UUID a = insert(now.minusSeconds(3));
            UUID b = insert(now.minusSeconds(2));
            UUID c = insert(now.minusSeconds(1));
            events.markFailed(a, now.plus(Duration.ofMinutes(10)), "broker away");

            assertThat(claimDue(now)).containsSubsequence(b, c).doesNotContain(a);
        });
    }

    @Test
    void once_the_broker_is_back_the_waiting_events_are_due_in_their_order_of_creation() {
        Instant now = Instant.now().plusSeconds(3_600);
        inRolledBackTransaction(() -> {
            UUID a = insert(now.minusSeconds(3));
            UUID b = insert(now.minusSeconds(2));
            UUID c = insert(now.minusSeconds(1));
            events.markFailed(a, now.plus(Duration.ofMinutes(10)), "broker away");
            events.markFailed(c, now.plus(Duration.ofMinutes(5)), "broker away");

            assertThat(events.dueNow(now)).isEqualTo(2);
            assertThat(claimDue(now)).containsSubsequence(a, b, c);
        });
    }
}
