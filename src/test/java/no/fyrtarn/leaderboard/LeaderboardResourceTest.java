package no.fyrtarn.leaderboard;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Game.awaitTotal;
import static no.fyrtarn.testing.Game.share;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.testing.Api;
import no.fyrtarn.testing.Api.Person;

@QuarkusTest
class LeaderboardResourceTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    EntityManager em;

    private static JsonPath board(String token, String scope, String team) {
        var request = as(token).queryParam("period", "week").queryParam("scope", scope);
        if (team != null) {
            request.queryParam("team", team);
        }
        return request.get("/api/leaderboard").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_team_board_lists_everyone_in_the_team_and_tied_points_share_a_rank() {
        String team = "Lag " + unique();
        Person first = employeeIn(team);
        Person second = employeeIn(team);
        Person idle = employeeIn(team);
        share(first.token(), publish(draft()), "LINKEDIN");
        share(second.token(), publish(draft()), "X");
        awaitTotal(first.token(), 10);
        awaitTotal(second.token(), 10);

        JsonPath board = board(idle.token(), "team", null);
        assertThat(board.getString("period")).isEqualTo("week");
        assertThat(board.getString("scope")).isEqualTo("team");
        assertThat(board.getString("from")).isNotNull();
        List<Map<String, Object>> entries = board.getList("entries");
        assertThat(entries).extracting(e -> e.get("rank")).containsExactly(1, 1, 3);
        assertThat(entries).extracting(e -> e.get("points")).containsExactly(10, 10, 0);
        assertThat(entries.get(2)).containsEntry("employeeId", idle.employeeId()).containsEntry("team", team)
                .doesNotContainKey("email");
        assertThat(board(first.token(), "team", team).getList("entries")).hasSize(3);
    }

    @Test
    void bad_parameters_are_400s_naming_them_and_an_unknown_team_is_404() {
        String token = employeeIn(null).token();
        as(token).queryParam("period", "year").get("/api/leaderboard").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("period"));
        as(token).queryParam("scope", "galaxy").get("/api/leaderboard").then().statusCode(400)
                .body("violations.field", hasItem("scope"));
        as(token).queryParam("limit", 101).get("/api/leaderboard").then().statusCode(400);
        as(token).queryParam("limit", "ten").get("/api/leaderboard").then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        as(token).queryParam("scope", "team").get("/api/leaderboard").then().statusCode(400)
                .body("violations.field", hasItem("team"));
        String nobodys = "Lag " + unique();
        as(token).queryParam("scope", "team").queryParam("team", " " + nobodys).get("/api/leaderboard")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Team " + nobodys + " not found")); // was "No such team not found"
        given().get("/api/leaderboard").then().statusCode(401);
        given().get("/api/leaderboard/stream").then().statusCode(401);
    }

    @Test
    void every_period_answers_with_its_bounds() {
        String token = employeeIn(null).token();
        for (String period : List.of("week", "month", "quarter", "all")) {
            JsonPath board = as(token).queryParam("period", period).get("/api/leaderboard").then().statusCode(200)
                    .body("period", equalTo(period)).extract().jsonPath();
            assertThat(board.getString("to") == null).isEqualTo(period.equals("all"));
        }
    }

    @Test
    void the_stream_announces_a_change_after_a_share() throws Exception {
        Person sharer = employeeIn(null);
        try (var notices = new Notices(employeeIn(null))) {
            share(sharer.token(), publish(draft()), "LINKEDIN");
            assertThat(notices.next(Duration.ofSeconds(30))).contains("\"at\"");
        }
        awaitTotal(sharer.token(), 10);
    }

    @Test
    void a_quiet_stream_carries_a_comment_now_and_then_that_is_no_notice() throws Exception {
        // a proxy closes a connection idle for a minute (nginx, a load balancer): every page reconnected, and fetched
        // its live parts again, once a minute (the tests' keep-alive is 1 s, production's 30 s)
        try (var notices = new Notices(employeeIn(null))) {
            assertThat(notices.nextComment(Duration.ofSeconds(10))).isEqualTo(":keep-alive");
            assertThat(notices.nextComment(Duration.ofSeconds(10))).isEqualTo(":keep-alive");
        }
    }

    @Test
    void a_change_another_instance_applied_reaches_this_instances_stream() throws Exception {
        try (var notices = new Notices(employeeIn(null))) {
            // quiet first, so that the notice below answers the NOTIFY and not an award of an earlier test
            await().atMost(Duration.ofSeconds(30)).until(() -> notices.next(Duration.ofSeconds(1)) == null);
            // what another instance's leaderboard consumer sends when its transaction commits
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("notify " + BoardChanges.CHANNEL)
                    .executeUpdate());
            assertThat(notices.next(Duration.ofSeconds(10))).contains("\"at\"");
        }
    }

    @Test
    void the_stream_announces_that_someone_left_or_an_import_changed_who_is_on_the_boards() throws Exception {
        Person leaver = employeeIn(null);
        try (var notices = new Notices(employeeIn(null))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> notices.next(Duration.ofSeconds(1)) == null);
            as(Api.adminToken()).delete("/api/admin/employees/" + leaver.employeeId()).then().statusCode(204);
            assertThat(notices.next(Duration.ofSeconds(10))).as("after a removal").contains("\"at\"");

            await().atMost(Duration.ofSeconds(30)).until(() -> notices.next(Duration.ofSeconds(1)) == null);
            Api.importEmployees(List.of(Map.of("email", leaver.email(), "name", "Tilbake")));
            assertThat(notices.next(Duration.ofSeconds(10))).as("after an import").contains("\"at\"");

            // the same import again (a nightly sync of a quiet day) changes nothing: no page fetches its board again
            await().atMost(Duration.ofSeconds(30)).until(() -> notices.next(Duration.ofSeconds(1)) == null);
            assertThat(Api.importEmployees(List.of(Map.of("email", leaver.email(), "name", "Tilbake"))))
                    .containsEntry("unchanged", 1);
            assertThat(notices.next(Duration.ofSeconds(3))).as("after the same import again").isNull();
        }
    }

    /** The data lines of one client's leaderboard stream, as they arrive. */
    private final class Notices implements AutoCloseable {

        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
        private final java.io.InputStream body;

        Notices(Person watcher) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/leaderboard/stream")).header("Authorization", "Bearer " + watcher.token())
                    .header("Accept", "text/event-stream").build();
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            // else nginx, the usual ingress, buffers the notices and a page is live no more
            assertThat(response.headers().firstValue("x-accel-buffering")).hasValue("no");
            assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
            body = response.body();
            var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null;) {
                        if (line.startsWith("data:")) {
                            lines.add(line);
                        } else if (line.startsWith(":")) {
                            comments.add(line);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
        }

        /** @return the next comment (a keep-alive) within the wait, or null */
        String nextComment(Duration wait) throws InterruptedException {
            return comments.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** @return the next notice within the wait, or null */
        String next(Duration wait) throws InterruptedException {
            return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Closes the response itself: the reader's lock is held by the thread waiting in readLine. */
        @Override
        public void close() throws java.io.IOException {
            body.close();
        }
    }
}
