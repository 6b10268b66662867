package no.fyrtarn.infra;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthFailureTemplatesTest {

    @Inject
    AuthFailureTemplates templates;

    @Inject
    AuthFailureProbe probe;

    @Test
    void requests_reach_quarkus_rest_without_it_mapping_their_path_a_second_time() {
        given().get("/q/health/live").then().statusCode(200); // Quarkus REST's filter shows its handler once
        assertThat(templates.restHandler()).isNotNull();
        long before = probe.spared();

        given().get("/s/" + "Zz9" + unique()).then().statusCode(404);
        as(token("emp-" + unique() + "@test.fyrtarn.no", "employee")).get("/api/feed").then().statusCode(200);

        // both found the handler in place when Quarkus REST's filter ran, so that filter skipped its work
        assertThat(probe.spared() - before).isEqualTo(2);
    }

    @Test
    void refused_requests_are_still_counted_under_their_path_template_not_their_ids() {
        String post = UUID.randomUUID().toString();
        given().get("/api/posts/" + post).then().statusCode(401).contentType("application/problem+json");
        as(token("emp-" + unique() + "@test.fyrtarn.no", "employee")).get("/api/posts/" + post).then()
                .statusCode(403).contentType("application/problem+json");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(post);
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .filter(l -> l.contains("uri=\"/api/posts/{id}\"")))
                .anySatisfy(l -> assertThat(l).contains("status=\"401\""))
                .anySatisfy(l -> assertThat(l).contains("status=\"403\""));
    }
}
