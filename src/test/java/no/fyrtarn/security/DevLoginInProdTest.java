package no.fyrtarn.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The local login must not exist in production, even if someone switches it on there. */
@QuarkusTest
@TestProfile(DevLoginInProdTest.Prod.class)
class DevLoginInProdTest {

    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fyrtarn.dev-login.enabled", "true");
        }
    }

    @Test
    void the_local_login_is_404_in_the_prod_profile() {
        given().contentType("application/json").body(Map.of("email", "admin@demo.fyrtarn.no")).post("/api/dev/login")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_page_sends_you_to_a_login_that_says_where_signing_in_happens_and_signs_nobody_in() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login?next=%2F"));
        given().header("Accept-Language", "nb").get("/login?next=%2F").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Logg inn via bedriften din")).body(not(containsString("name=\"email\"")));
        Response posted = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "admin@demo.fyrtarn.no").post("/login");
        posted.then().statusCode(404).contentType(ContentType.HTML).body(containsString("Sign in through your company"));
        assertThat(posted.getCookies()).doesNotContainKey("fyrtarn_token");
    }
}
