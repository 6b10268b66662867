package no.fyrtarn.gamification;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Game.awaitTotal;
import static no.fyrtarn.testing.Game.share;
import static no.fyrtarn.testing.Game.total;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.outbox.OutboxRepository;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.testing.Api.Person;
import no.fyrtarn.testing.Game;
import no.fyrtarn.testing.TopicReader;
import no.fyrtarn.testing.TopicWriter;

/** From a share over HTTP through fyrtarn.shares, the ledger and fyrtarn.points to /api/me and the leaderboard. */
@QuarkusTest
class ShareConsumerTest {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36";

    @Inject
    PointsLedger ledger;

    @Inject
    OutboxRepository outbox;

    private long ledgerRows(String employeeId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.count("employeeId", UUID.fromString(employeeId)));
    }

    @Test
    void a_first_share_earns_ten_points_and_a_counted_click_one_visible_on_me_and_the_leaderboard() {
        Person sharer = employeeIn(null);
        Map<String, Object> draft = draft();
        String post = publish(draft);
        String trackedUrl = share(sharer.token(), post, "LINKEDIN").getString("trackedUrl");

        assertThat(awaitTotal(sharer.token(), 10)).isEqualTo(10);
        String path = trackedUrl.substring(trackedUrl.indexOf("/s/"));
        given().redirects().follow(false).header("User-Agent", PHONE).get(path).then().statusCode(302);
        given().redirects().follow(false).header("User-Agent", "LinkedInBot/1.0").get(path).then().statusCode(302);

        assertThat(awaitTotal(sharer.token(), 11)).isEqualTo(11);
        JsonPath me = as(sharer.token()).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getLong("points.week")).isEqualTo(11);
        assertThat(me.getLong("points.month")).isEqualTo(11);
        assertThat(me.getList("badges.badge", String.class)).containsExactly("FIRST_SHARE");
        assertThat(me.getInt("streakWeeks")).isEqualTo(1);
        assertThat(me.getLong("rank.company")).isPositive();
        assertThat(me.getLong("clicks")).as("the bot's click is not counted").isEqualTo(1);

        JsonPath board = as(sharer.token()).queryParam("period", "week").queryParam("scope", "company")
                .queryParam("limit", 100).get("/api/leaderboard").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = board.getList("entries", Map.class).stream()
                .filter(e -> sharer.employeeId().equals(e.get("employeeId"))).findFirst().orElseThrow();
        assertThat(mine).containsEntry("points", 11).containsEntry("shares", 1).containsEntry("clicks", 1)
                .doesNotContainKey("email");

        List<Map<String, Object>> lines = as(sharer.token()).get("/api/me/points").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertThat(lines).extracting(l -> l.get("points")).containsExactly(1, 10);
        assertThat(lines).extracting(l -> l.get("action")).containsExactly("CLICK", "SHARE");
        // each line says what it was for: the post (with its title) and the network
        String title = (String) draft.get("title");
        assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("postId", post).containsEntry("network",
                "LINKEDIN").containsEntry("title", title).containsEntry("capped", false));
        assertThat((String) lines.get(1).get("reason")).isEqualTo("Shared a post on LinkedIn");
    }

    @Test
    void an_award_goes_out_on_fyrtarn_points_under_its_own_id_and_then_leaves_the_outbox() {
        Person sharer = employeeIn(null);
        ConsumerRecord<String, String> record;
        String post;
        try (var points = new TopicReader(Topics.POINTS)) {
            post = publish(draft());
            share(sharer.token(), post, "LINKEDIN");
            await().atMost(Duration.ofSeconds(20)).until(() -> !points.withKey(sharer.employeeId()).isEmpty());
            record = points.withKey(sharer.employeeId()).get(0);
        }
        JsonPath award = new JsonPath(record.value());
        assertThat(award.getInt("points")).isEqualTo(10);
        assertThat(award.getString("postId")).as("what was shared").isEqualTo(post);
        assertThat(award.getString("network")).isEqualTo("LINKEDIN");
        assertThat(TopicReader.headers(record)).containsEntry("ce_type", "points.awarded")
                .containsEntry("ce_id", award.getString("awardId"));
        UUID eventId = UUID.fromString(award.getString("awardId"));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("id", eventId)) == 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.count("id", eventId))).isEqualTo(1);
    }

    @Test
    void sharing_a_post_again_on_the_same_network_earns_nothing_and_another_network_earns_again() {
        Person sharer = employeeIn(null);
        String post = publish(draft());
        share(sharer.token(), post, "LINKEDIN");
        awaitTotal(sharer.token(), 10);
        share(sharer.token(), post, "LINKEDIN");
        share(sharer.token(), post, "X");

        assertThat(awaitTotal(sharer.token(), 20)).isEqualTo(20);
        assertThat(ledgerRows(sharer.employeeId())).isEqualTo(2);
    }

    @Test
    void the_same_event_delivered_three_times_leaves_the_ledger_unchanged_and_poison_goes_to_the_dlq()
            throws Exception {
        Person sharer = employeeIn(null);
        String employeeId = sharer.employeeId();
        share(sharer.token(), publish(draft()), "LINKEDIN");
        awaitTotal(sharer.token(), 10);

        ConsumerRecord<String, String> original;
        try (var shares = new TopicReader(Topics.SHARES)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !shares.withKey(employeeId).isEmpty());
            original = shares.withKey(employeeId).get(0);
        }
        String poison = "{\"shareId\": \"not a uuid\", \"employeeId\": \"" + employeeId + "\"}";
        try (var writer = new TopicWriter(); var dlq = new TopicReader(Topics.DLQ)) {
            for (int i = 0; i < 3; i++) {
                writer.send(Topics.SHARES, employeeId, original.value(), TopicReader.headers(original));
            }
            writer.send(Topics.SHARES, employeeId, poison, Map.of("ce_id", UUID.randomUUID().toString()));
            // not UTF-8 (0xC3 needs a continuation byte after it): dead-lettered as it came, not as text made of it
            byte[] notText = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
            writer.send(Topics.SHARES, employeeId, notText, Map.of("ce_id", UUID.randomUUID().toString()));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.bytesWithKey(employeeId).size() == 2);
            var dead = dlq.withKey(employeeId).stream().filter(r -> r.value().equals(poison)).findFirst().orElseThrow();
            assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.SHARES);
            assertThat(dlq.bytesWithKey(employeeId)).anySatisfy(r -> assertThat(r.value()).isEqualTo(notText));
        }
        // events after the poison and the redeliveries are still processed
        share(sharer.token(), publish(draft()), "X");
        assertThat(awaitTotal(sharer.token(), 20)).isEqualTo(20);
        assertThat(ledgerRows(employeeId)).isEqualTo(2);
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "fyrtarn_consumer_dead_letters_total{consumer=\"points-shares\""));
    }

    /**
     * Events of one employee arriving together are scored in one batch, with the running share count kept in memory
     * and written once: the count must still reach 10 on the tenth event, and go on from 12 in the next batch.
     */
    @Test
    void share_badges_go_to_the_tenth_and_fiftieth_share_when_the_shares_arrive_in_batches() {
        Person sharer = employeeIn(null);
        List<UUID> events = java.util.stream.Stream.generate(UUID::randomUUID).limit(50).toList();
        try (var writer = new TopicWriter()) {
            writer.sendTogether(events.subList(0, 12).stream().map(id -> shareRecorded(sharer.employeeId(), id)).toList());
            await().atMost(Duration.ofSeconds(20)).until(() -> badges(sharer).size() == 2);
            writer.sendTogether(events.subList(12, 50).stream().map(id -> shareRecorded(sharer.employeeId(), id)).toList());
            await().atMost(Duration.ofSeconds(20)).until(() -> badges(sharer).size() == 3);
        }

        assertThat(badges(sharer)).containsExactlyInAnyOrderEntriesOf(Map.of("FIRST_SHARE", events.get(0).toString(),
                "SHARES_10", events.get(9).toString(), "SHARES_50", events.get(49).toString()));
        assertThat(total(sharer.token())).isEqualTo(50); // the daily cap of share points
    }

    private static ProducerRecord<String, byte[]> shareRecorded(String employeeId, UUID eventId) {
        String event = """
                {"shareId": "%s", "postId": "%s", "employeeId": "%s", "network": "LINKEDIN", "firstOnNetwork": true,
                 "at": "%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), employeeId, java.time.Instant.now());
        return TopicWriter.record(Topics.SHARES, employeeId, event,
                Map.of("ce_id", eventId.toString(), "ce_type", "share.recorded"));
    }

    /** badge → the event that earned it */
    private static Map<String, String> badges(Person person) {
        List<Map<String, String>> badges = as(person.token()).get("/api/me").then().statusCode(200).extract()
                .jsonPath().getList("badges");
        return badges.stream().collect(java.util.stream.Collectors.toMap(b -> b.get("badge"), b -> b.get("sourceEventId")));
    }

    @Test
    void a_published_suggestion_earns_its_author_the_suggestion_points_once() {
        Person author = employeeIn(null);
        Game.suggestionPublished(author.employeeId(), "Min idé", 2);
        assertThat(awaitTotal(author.token(), 25)).isEqualTo(25);
        JsonPath me = as(author.token()).get("/api/me/points").then().statusCode(200).extract().jsonPath();
        assertThat(me.getList("items.reason", String.class)).containsExactly("Your suggestion was published: Min idé");
    }

    @Test
    void an_event_with_fields_this_consumer_does_not_know_yet_still_counts() {
        // a producer may add fields before every consumer knows them; only requests are refused for that
        Person author = employeeIn(null);
        Game.suggestionPublished(author.employeeId(), "Ny idé", 1, "\"addedLater\": {\"any\": [1, \"two\"]}");
        assertThat(awaitTotal(author.token(), 25)).isEqualTo(25);
    }
}
