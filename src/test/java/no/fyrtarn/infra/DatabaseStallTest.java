package no.fyrtarn.infra;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.fyrtarn.testing.EmbeddedInfrastructureResource;
import no.fyrtarn.testing.Team;

/**
 * A database that stops answering without closing its connections (a network partition, a stuck host): requests are
 * answered 503 once {@code fyrtarn.pg-socket-timeout} has passed, where they hung for as long as it lasted.
 */
@QuarkusTest
@TestProfile(DatabaseStallTest.ShortSocketTimeout.class)
class DatabaseStallTest {

    public static class ShortSocketTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fyrtarn.pg-socket-timeout", "2");
        }
    }

    @AfterEach
    void databaseBack() {
        EmbeddedInfrastructureResource.resumePostgres();
        EmbeddedInfrastructureResource.awaitServiceReady();
    }

    @Test
    @Timeout(60) // before, the request below waited for as long as the database was frozen: the test's whole life
    void a_database_that_stops_answering_is_a_503_not_a_request_that_waits_for_it() {
        Team team = Team.of(0);
        as(team.leader()).get("/api/feed").then().statusCode(200);

        EmbeddedInfrastructureResource.pausePostgres();

        as(team.leader()).get("/api/feed").then().statusCode(503).header("Retry-After", "30");
        given().get("/q/health/ready").then().statusCode(503);

        databaseBack();
        as(team.leader()).get("/api/feed").then().statusCode(200);
    }
}
