package no.fyrtarn.post;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.inReview;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static no.fyrtarn.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.outbox.OutboxRepository;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.testing.EmbeddedInfrastructureResource;
import no.fyrtarn.testing.MovableClock;
import no.fyrtarn.testing.TopicReader;

@QuarkusTest
class PostEventsTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    PostService posts;

    @Inject
    MovableClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        EmbeddedInfrastructureResource.ensureKafkaRunning();
    }

    /** Waits for the record, then watches a while longer to be sure no second copy comes. */
    private static ConsumerRecord<String, String> exactlyOne(TopicReader reader, String key, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType(reader.withKey(key), type).size() >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> ofType(reader.withKey(key), type).size() == 1);
        return ofType(reader.withKey(key), type).get(0);
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String type) {
        return records.stream().filter(r -> type.equals(TopicReader.headers(r).get("ce_type"))).toList();
    }

    @Test
    void approving_puts_post_published_on_kafka_once_with_cloudevents_headers() {
        try (var reader = new TopicReader(Topics.POSTS)) {
            String id = publish(draft("campaign", "spring"));

            var record = exactlyOne(reader, id, PostEvents.PUBLISHED);
            Map<String, String> headers = TopicReader.headers(record);
            assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_type", "post.published")
                    .containsEntry("ce_source", "urn:fyrtarn").containsKeys("ce_id", "ce_time");
            JsonPath payload = new JsonPath(record.value());
            assertThat(payload.getString("postId")).isEqualTo(id);
            assertThat(payload.getString("campaign")).isEqualTo("spring");
            assertThat(payload.getString("url")).isEqualTo("https://example.com/jobs?team=sales");
            assertThat(payload.getString("language")).as("the language its title is written in").isEqualTo("nb");
            assertThat(payload.getList("audienceTeams")).isEmpty();
            assertThat(payload.getString("at")).isNotBlank();
        }
    }

    @Test
    void a_scheduled_post_is_announced_when_it_goes_live_and_again_when_it_expires() {
        try (var reader = new TopicReader(Topics.POSTS)) {
            Map<String, Object> body = draft();
            body.put("publishAt", clock.instant().plus(Duration.ofHours(1)).toString());
            body.put("expiresAt", clock.instant().plus(Duration.ofHours(5)).toString());
            body.remove("language");
            String id = publish(body);
            clock.advance(Duration.ofHours(2));
            posts.applyDueTransitions(100);
            exactlyOne(reader, id, PostEvents.PUBLISHED);

            clock.advance(Duration.ofHours(4));
            posts.applyDueTransitions(100);
            Map<String, Object> expired = new JsonPath(exactlyOne(reader, id, PostEvents.EXPIRED).value()).getMap("");
            assertThat(expired).as("a language not said is said to be unknown").containsEntry("language", null);
        }
    }

    @Test
    void no_event_is_lost_while_kafka_is_down() {
        try (var reader = new TopicReader(Topics.POSTS)) {
            EmbeddedInfrastructureResource.stopKafkaUntilServiceNotReady();

            String id = publish(draft());
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> QuarkusTransaction.requiringNew().call(outbox::pending) >= 1);

            EmbeddedInfrastructureResource.kafka().restart();
            exactlyOne(reader, id, PostEvents.PUBLISHED);
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(outbox::pending) == 0);
            given().get("/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void a_failed_approval_emits_nothing() {
        try (var reader = new TopicReader(Topics.POSTS)) {
            String author = marketer();
            String id = inReview(author);
            as(author).post("/api/posts/" + id + "/approve").then().statusCode(403);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> reader.withKey(id).isEmpty());
        }
    }
}
