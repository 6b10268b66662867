package no.fyrtarn.security;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

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
}
