package no.fyrtarn.testing;

import static no.fyrtarn.testing.Api.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Sharing and reading points in tests, as employees do. */
public final class Game {

    private Game() {
    }

    /** Shares the post on the network with a fresh Idempotency-Key; @return the share answer. */
    public static JsonPath share(String token, String postId, String network) {
        return as(token).header("Idempotency-Key", "k-" + Api.unique()).body(Map.of("network", network))
                .post("/api/posts/" + postId + "/shares").then().statusCode(201).extract().jsonPath();
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
}
