package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.fyrtarn.testing.EmbeddedInfrastructureResource;
import no.fyrtarn.testing.TopicReader;

/**
 * While the broker is down, a relay round must not spend 5 s per event on sends that cannot succeed, and events that
 * failed wait out a back-off. Once the broker is back they should not wait it out in full: here the back-off is ten
 * minutes, so only the relay noticing the broker's return can send them in time.
 */
@QuarkusTest
@TestProfile(OutboxRecoveryTest.LongBackOff.class)
class OutboxRecoveryTest {

    public static class LongBackOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fyrtarn.outbox.initial-backoff", "10m", "fyrtarn.outbox.max-backoff", "10m");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository events;

    @AfterEach
    void brokerUp() {
        EmbeddedInfrastructureResource.ensureKafkaRunning();
    }

    @Test
    void events_held_back_while_the_broker_was_down_leave_once_it_publishes_again_not_after_their_back_off() {
        try (var reader = new TopicReader(Topics.POSTS)) {
            EmbeddedInfrastructureResource.stopKafkaUntilServiceNotReady();

            List<String> heldKeys = Stream.generate(() -> UUID.randomUUID().toString()).limit(20).toList();
            List<UUID> held = QuarkusTransaction.requiringNew().call(() -> {
                List<Outbox.Event> batch = heldKeys.stream().map(this::event).toList();
                outbox.addAll(batch);
                return batch.stream().map(Outbox.Event::id).toList();
            });
            // the first sent fails after the producer waited 5 s for the topic's partitions; it is back in ten
            // minutes. The others are not sent after it, each to wait as long (20 would hold the relay 100 s)
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> events.count("id in ?1 and attempts > 0", held)) >= 1);

            EmbeddedInfrastructureResource.kafka().restart();
            String laterKey = UUID.randomUUID().toString();
            add(laterKey); // the first event after the outage: its publish shows the broker is back
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.withKey(laterKey).isEmpty());

            await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> events.count("id in ?1", held)) == 0);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> heldKeys.stream().noneMatch(key -> reader.withKey(key).isEmpty()));
            for (int i = 0; i < held.size(); i++) {
                assertThat(TopicReader.headers(reader.withKey(heldKeys.get(i)).get(0)))
                        .containsEntry("ce_id", held.get(i).toString());
            }
        }
    }

    private Outbox.Event event(String postId) {
        return outbox.event(Topics.POSTS, "post.expired", postId,
                Map.of("postId", postId, "at", Instant.now().toString()));
    }

    private void add(String postId) {
        QuarkusTransaction.requiringNew().run(() -> outbox.addAll(List.of(event(postId))));
    }
}
