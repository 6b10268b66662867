package no.fyrtarn.security;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.login;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DevLoginResourceTest {

    private static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void a_directory_employee_gets_a_token_with_roles_and_leader_when_someone_reports_to_them() {
        String u = unique();
        importEmployees(List.of(
                Map.of("email", "boss." + u + "@test.no", "name", "Berit Sjef", "roles", List.of("employee", "marketing")),
                Map.of("email", "staff." + u + "@test.no", "name", "Stian", "managerEmail", "boss." + u + "@test.no")));

        given().contentType("application/json").body(Map.of("email", "BOSS." + u + "@test.no"))
                .post("/api/dev/login").then().statusCode(200).body("expiresIn", equalTo(3600));
        JsonPath boss = claims(login("boss." + u + "@test.no"));
        assertThat(boss.getList("groups", String.class)).containsExactlyInAnyOrder("employee", "marketing", "leader");
        assertThat(boss.getString("upn")).isEqualTo("boss." + u + "@test.no");
        assertThat(boss.getString("name")).isEqualTo("Berit Sjef");
        assertThat(claims(login("staff." + u + "@test.no")).getList("groups", String.class)).containsExactly("employee");

        as(login("boss." + u + "@test.no")).get("/api/posts").then().statusCode(200);
    }

    @Test
    void an_unknown_email_gets_401_and_a_malformed_one_400() {
        given().contentType("application/json").body(Map.of("email", "nobody." + unique() + "@test.no"))
                .post("/api/dev/login").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("email", "not-an-email")).post("/api/dev/login").then()
                .statusCode(400).body("violations[0].field", equalTo("email"));
    }
}
