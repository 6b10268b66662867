package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.infra.Ids;
import no.fyrtarn.testing.TopicReader;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRepository events;

    @Inject
    Clock clock;

    /**
     * The relay hears of the events its own instance commits; an event committed where no relay heard of it (another
     * instance that stopped before relaying it) must still reach Kafka, through the relay's sweep of the table.
     */
    @Test
    void an_event_no_relay_was_told_of_is_published_by_a_sweep_and_leaves_the_outbox() {
        Instant now = clock.instant();
        UUID id = Ids.timeOrdered(now);
        String postId = UUID.randomUUID().toString();
        try (var reader = new TopicReader(Topics.POSTS)) {
            QuarkusTransaction.requiringNew().run(() -> events.insert(new OutboxEvent(id, Topics.POSTS, postId,
                    "post.expired", "{\"postId\":\"" + postId + "\",\"at\":\"" + now + "\"}", now)));

            await().atMost(Duration.ofSeconds(15)).until(() -> !reader.withKey(postId).isEmpty());
            assertThat(reader.withKey(postId)).singleElement()
                    .satisfies(r -> assertThat(TopicReader.headers(r)).containsEntry("ce_id", id.toString())
                            .containsEntry("ce_type", "post.expired"));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> events.findById(id)) == null);
        }
    }
}
