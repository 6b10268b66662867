package no.fyrtarn.testing;

import static no.fyrtarn.testing.Api.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import no.fyrtarn.outbox.Topics;

/** Sharing and reading points in tests, as employees do. */
public final class Game {

    private Game() {
    }

    /** Shares the post on the network with a fresh Idempotency-Key; @return the share answer. */
    public static JsonPath share(String token, String postId, String network) {
        return as(token).header("Idempotency-Key", "k-" + Api.unique()).body(Map.of("network", network))
                .post("/api/posts/" + postId + "/shares").then().statusCode(201).extract().jsonPath();
    }

    /**
     * Starts a challenge for shares of posts with this topic, from an hour ago until {@code endsIn} from now; @return
     * its id. A topic no other test's posts have keeps its bonus out of their points.
     */
    public static String challenge(String name, String topic, int targetShares, int bonusPoints, Duration endsIn) {
        return as(Posts.marketer()).body(Map.of("name", name, "topic", topic, "targetShares", targetShares,
                "bonusPoints", bonusPoints, "startsAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                "endsAt", Instant.now().plus(endsIn).toString())).post("/api/challenges").then()
                .statusCode(201).extract().path("id");
    }

    public static JsonPath me(String token) {
        return as(token).get("/api/me").then().statusCode(200).extract().jsonPath();
    }

    public static long total(String token) {
        return me(token).getLong("points.total");
    }

    /** Waits until the caller's total (through Kafka, the ledger and the leaderboard) is at least this. */
    public static long awaitTotal(String token, long atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> total(token) >= atLeast);
        return total(token);
    }

    /**
     * Sends post.published for a new post the employee suggested, as the suggestion feature will, {@code times} times
     * with one event id (more than once: a redelivery).
     */
    public static void suggestionPublished(String employeeId, String title, int times) {
        suggestionPublished(employeeId, title, times, "");
    }

    /** As {@link #suggestionPublished(String, String, int)}, the event with these fields too ({@code "a": 1, …}). */
    public static void suggestionPublished(String employeeId, String title, int times, String moreFields) {
        String event = """
                {"postId": "%s", "title": "%s", "url": "https://example.com", "audienceTeams": [],
                 %s"suggestedBy": "%s", "at": "%s"}""".formatted(UUID.randomUUID(), title,
                moreFields.isEmpty() ? "" : moreFields + ", ", employeeId, Instant.now());
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "post.published");
        try (var writer = new TopicWriter()) {
            for (int i = 0; i < times; i++) {
                writer.send(Topics.POSTS, "post", event, headers);
            }
        }
    }
}
