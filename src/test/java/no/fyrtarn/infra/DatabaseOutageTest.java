package no.fyrtarn.infra;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.fyrtarn.testing.EmbeddedInfrastructureResource;
import no.fyrtarn.testing.Game;
import no.fyrtarn.testing.LogCapture;
import no.fyrtarn.testing.Posts;
import no.fyrtarn.testing.Team;

/** With PostgreSQL away for a while: what people and programs get meanwhile, and the service back by itself after. */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void databaseBack() {
        EmbeddedInfrastructureResource.ensurePostgresRunning();
        dataSource.flush(AgroalDataSource.FlushMode.ALL); // connections to the server that went away
        EmbeddedInfrastructureResource.awaitServiceReady();
    }

    @Test
    void the_console_log_shows_the_transaction_managers_rollbacks_on_a_broken_connection_without_their_stacks() {
        Handler console = handlers(org.jboss.logmanager.LogContext.getLogContext().getLogger("").getHandlers())
                .stream().filter(org.jboss.logmanager.handlers.ConsoleHandler.class::isInstance).findFirst()
                .orElseThrow();
        LogRecord rollback = new LogRecord(java.util.logging.Level.WARNING, "ARJUNA016045: attempted rollback …");
        rollback.setLoggerName("com.arjuna.ats.jta");
        rollback.setThrown(new IllegalStateException(new java.sql.SQLException("This connection has been closed.",
                "08003")));
        assertThat(console.getFilter() == null || console.getFilter().isLoggable(rollback)).isTrue();
        assertThat(rollback.getThrown()).as("the stack, 30 lines for each pooled connection").isNull();
    }

    private static List<Handler> handlers(Handler[] these) {
        List<Handler> all = new java.util.ArrayList<>();
        for (Handler handler : these) {
            all.add(handler);
            if (handler instanceof org.jboss.logmanager.ExtHandler nested) {
                all.addAll(handlers(nested.getHandlers()));
            }
        }
        return all;
    }

    @Test
    void while_the_database_is_away_everyone_is_told_to_come_back_and_followed_links_still_redirect() {
        Team team = Team.of(0);
        String post = Posts.publish(Posts.draft());
        String followed = code(Game.share(team.leader(), post, "LINKEDIN").getString("trackedUrl"));
        given().redirects().follow(false).get("/s/" + followed).then().statusCode(302); // now in the redirect's cache
        String neverFollowed = code(Game.share(team.leader(), post, "X").getString("trackedUrl"));
        String session = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", team.leaderEmail()).formParam("next", "/").post("/login").then().statusCode(303)
                .extract().cookie("fyrtarn_token");
        given().cookie("fyrtarn_token", session).get("/").then().statusCode(200);

        EmbeddedInfrastructureResource.stopPostgresUntilServiceNotReady();

        // programs: 503 with when to try again, not a 500 that reads like a bug; the log says so in one line
        List<LogRecord> logged;
        try (LogCapture log = LogCapture.everything()) {
            as(team.leader()).get("/api/feed").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "30").body("detail", containsString("database"));
            logged = log.records();
        }
        assertThat(logged).filteredOn(r -> r.getLoggerName().equals(ProblemMappers.class.getName())).hasSize(1)
                .allSatisfy(r -> assertThat(r.getMessage()).startsWith("Answered 503"));
        assertThat(logged).as("Hibernate's lines for the failed connection, which said it again in two")
                .noneMatch(r -> r.getLoggerName().startsWith("org.hibernate"));
        as(team.leader()).body(Map.of("network", "LINKEDIN")).post("/api/posts/" + post + "/shares")
                .then().statusCode(503);
        // people: a page saying so, in their language. Once the directory's member cache (5 s) has let go of who is
        // signed in, the sign-in itself needs the database; that failure is answered on the event loop, where the
        // page must not ask who is signed in (it was Quarkus's bare "500 - Internal Server Error" text before)
        Response page = await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20))
                .until(() -> given().cookie("fyrtarn_token", session).cookie("fyrtarn_lang", "nb")
                        .accept("text/html").get("/"), r -> r.statusCode() == 503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Retry-After")).isEqualTo("30");
        assertThat(page.body().asString()).contains("Fyrtårn er utilgjengelig et øyeblikk",
                "Det er ikke noe du gjorde. Prøv igjen om et minutt.").doesNotContain("Error id")
                .as("no button to the feed, which needs the database too")
                .doesNotContain("<a class=\"button primary\"");
        // a link someone followed before still leads to the post (the redirect answers from memory); one never
        // followed cannot be looked up, and its visitor gets the page too
        given().redirects().follow(false).get("/s/" + followed).then().statusCode(302);
        given().redirects().follow(false).accept("text/html").get("/s/" + neverFollowed).then().statusCode(503)
                .body(containsString("Fyrtårn is unavailable for a moment"));

        databaseBack();
        given().cookie("fyrtarn_token", session).get("/").then().statusCode(200);
        as(team.leader()).get("/api/feed").then().statusCode(200);
    }

    private static String code(String trackedUrl) {
        return trackedUrl.substring(trackedUrl.lastIndexOf('/') + 1);
    }
}
