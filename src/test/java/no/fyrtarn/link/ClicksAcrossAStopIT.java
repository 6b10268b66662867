package no.fyrtarn.link;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.fyrtarn.testing.PackagedLaunch;
import no.fyrtarn.testing.RawHttp;

/**
 * The packaged service, as a launch runs it (its own JVM, embedded PostgreSQL and Kafka, the local profile), stopped
 * cleanly while the click consumer is still applying a batch, then started again: every click counts once, and the
 * stop refused no Kafka record. To have a batch in flight at the stop every time, the test locks the table the
 * consumer writes counted clicks to, and lets go three seconds into the stop. Before session 57 Hibernate closed at
 * the start of the stop, while the Kafka consumers still ran: the batch failed and was refused record by record, each
 * refusal logged with its stack (16 000 to 80 000 lines per stop under load), and Kafka redelivered it after the
 * restart.
 */
class ClicksAcrossAStopIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    private static final int CLICKS = 200;

    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void stopWhatRuns() throws InterruptedException {
        for (Process service : launched) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    @Timeout(300)
    void clicks_the_consumer_applies_during_a_clean_stop_are_counted_once_and_the_log_stays_quiet() throws Exception {
        Setup setup = Setup.fresh("stop-");
        String base = setup.base();
        Process first = launch(setup, "first.log");
        Shared shared = shareAPost(base);
        // a launch checks request targets itself (FyrtarnMain): a query as a browser sends it is followed, not an
        // empty 400 (a preview bot's, so that it does not count)
        URI link = URI.create(shared.link());
        assertThat(RawHttp.get(link.toURL(), link.getPath() + "?utm_content={{ad.name}}",
                "User-Agent: Slackbot-LinkExpanding 1.0").status()).isEqualTo(302);

        try (Connection database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + setup.ports().get("FYRTARN_PG_PORT") + "/fyrtarn", "postgres", "")) {
            database.setAutoCommit(false);
            database.createStatement().execute("lock table link_click in exclusive mode"); // reads go on, writes wait
            clickFromBrowsersOfTheirOwn(shared.link(), "stop test");
            Thread.sleep(2_000); // the consumer has them, and waits for the lock
            first.destroy(); // SIGTERM: a clean stop, as systemd's or Kubernetes'
            Thread.sleep(3_000);
            try {
                database.rollback();
            } catch (SQLException stoppedFirst) {
                // the old order: the service and its database were gone before the lock was let go
            }
        }
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(setup.dataDir().resolve("first.log"), StandardCharsets.UTF_8))
                .doesNotContain("has been nacked").doesNotContain("EntityManagerFactory is closed")
                .as("SmallRye's report of the outbox channel, which has no upstream by design (ConsoleLogFilter)")
                .doesNotContain("SRMSG00207")
                .as("a consumer failing because the stop closes it (ConsoleLogFilter)")
                .doesNotContain("WakeupException").doesNotContain("This consumer has already been closed")
                .as("on Java 22 and later, the JVM's warning that brotli4j loads a native library (the jar's manifest)")
                .doesNotContain("Restricted methods will be blocked");

        launch(setup, "second.log");
        String marketer = token(base, "marketing@demo.fyrtarn.no");
        await().atMost(Duration.ofSeconds(60)).until(() -> clicks(base, marketer, shared.post()) >= CLICKS);
        Thread.sleep(2_000); // what Kafka redelivers after the restart counts no more
        assertThat(clicks(base, marketer, shared.post())).isEqualTo(CLICKS);
    }

    /**
     * The database gone (a failover, an operator stopping what depends on it) when the service is stopped: the click
     * consumer's batch, waiting out the outage, cannot be applied and is left to Kafka, which delivers it again after
     * the restart. Before session 58 SmallRye refused it record by record, each with an ERROR and a WARN and their
     * stacks: one such stop by hand wrote 116 615 lines.
     */
    @Test
    @Timeout(300)
    void clicks_left_unapplied_by_a_stop_during_a_database_outage_count_after_the_restart_and_the_stop_says_so_once()
            throws Exception {
        Setup setup = Setup.fresh("stop-outage-");
        String base = setup.base();
        Process first = launch(setup, "first.log");
        Shared shared = shareAPost(base);
        String post = shared.post(), link = shared.link();
        String marketer = token(base, "marketing@demo.fyrtarn.no");
        clickFromBrowsersOfTheirOwn(link, "before the outage"); // the link is in memory from now on
        await().atMost(Duration.ofSeconds(30)).until(() -> clicks(base, marketer, post) == CLICKS);

        ProcessHandle postgres = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(setup.dataDir().resolve("postgres/postmaster.pid")).getFirst())).orElseThrow();
        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(postgres.pid())).start().waitFor()).isZero();
        postgres.onExit().get(30, TimeUnit.SECONDS);
        clickFromBrowsersOfTheirOwn(link, "during the outage"); // still redirected, from memory
        Thread.sleep(2_000); // the consumer has them, and waits out the outage
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stop = Files.readString(setup.dataDir().resolve("first.log"), StandardCharsets.UTF_8);
        assertThat(stop).doesNotContain("has been nacked").doesNotContain("[Exception 1]") // a line per record
                .contains("Consumer of clicks stopped without acknowledging its batch");

        launch(setup, "second.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> clicks(base, marketer, post) >= 2 * CLICKS);
        Thread.sleep(2_000); // what Kafka redelivers after the restart counts no more
        assertThat(clicks(base, marketer, post)).isEqualTo(2 * CLICKS);
    }

    /** A launch's data directory and ports, kept across its restarts, and its address. */
    private record Setup(Path dataDir, Map<String, String> ports, String base) {
        static Setup fresh(String prefix) throws IOException {
            Map<String, String> ports = Map.of("QUARKUS_HTTP_PORT", String.valueOf(freePort()),
                    "FYRTARN_PG_PORT", String.valueOf(freePort()), "FYRTARN_KAFKA_PORT", String.valueOf(freePort()),
                    "FYRTARN_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
            return new Setup(Files.createTempDirectory(Path.of("target"), prefix), ports,
                    "http://127.0.0.1:" + ports.get("QUARKUS_HTTP_PORT"));
        }
    }

    /** A post a demo employee shared, and the tracked link at this service's address. */
    private record Shared(String post, String link) {
    }

    private static Shared shareAPost(String base) {
        String employee = token(base, "kari.hansen@demo.fyrtarn.no");
        String post = as(base, employee).get("/api/feed?limit=1").then().statusCode(200)
                .extract().path("items[0].postId");
        String trackedUrl = as(base, employee).body(Map.of("network", "LINKEDIN"))
                .post("/api/posts/" + post + "/shares").then().statusCode(201).extract().path("trackedUrl");
        return new Shared(post, base + "/s/" + trackedUrl.substring(trackedUrl.lastIndexOf('/') + 1));
    }

    /** {@link #CLICKS} clicks, each from a browser of its own, so that each counts. */
    private static void clickFromBrowsersOfTheirOwn(String link, String when) throws Exception {
        for (int n = 0; n < CLICKS; n++) {
            HttpRequest click = HttpRequest.newBuilder(URI.create(link))
                    .header("User-Agent", "Mozilla/5.0 (" + when + " " + n + ")").build();
            assertThat(CLIENT.send(click, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);
        }
    }

    private Process launch(Setup setup, String logName) throws IOException {
        Path log = setup.dataDir().resolve(logName);
        var launch = PackagedLaunch.of(setup.dataDir(), log);
        launch.environment().putAll(setup.ports());
        launch.environment().put("FYRTARN_DEMO_ACTIVITY", "false");
        Process service = launch.start();
        launched.add(service);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.isAlive()).as("the service runs; its log: %s", log).isTrue();
            return ready(setup.base());
        });
        return service;
    }

    private static boolean ready(String base) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    private static String token(String base, String email) {
        return RestAssured.given().baseUri(base).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/dev/login").then().statusCode(200).extract().path("token");
    }

    private static RequestSpecification as(String base, String token) {
        return RestAssured.given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static int clicks(String base, String token, String post) {
        return as(base, token).get("/api/posts/" + post).then().statusCode(200).extract().path("stats.clicks");
    }
}
