package no.fyrtarn.security;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import no.fyrtarn.testing.LogCapture;

@QuarkusTest
class TokenVerificationTest {

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/admin/employees").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void a_valid_admin_token_is_accepted() {
        as(adminToken()).get("/api/admin/employees").then().statusCode(200);
    }

    @Test
    void a_token_from_another_issuer_is_refused_and_the_log_says_once_which_issuer_the_service_takes() throws Exception {
        String issuer = "https://login.example.com/" + unique(); // an IdP's, where the issuer was left unset
        var foreign = KeyPairGenerator.getInstance("RSA");
        foreign.initialize(2048);
        try (LogCapture log = LogCapture.of(RefusedTokens.class)) {
            refused(Jwt.upn("x@test.no").groups(Set.of("admin")).issuer(issuer).sign());
            refused(Jwt.upn("y@test.no").groups(Set.of("employee")).issuer(issuer).sign());
            // a key the service does not trust: anyone may write any issuer into such a token, so nothing is said
            refused(Jwt.upn("x@test.no").issuer("https://forged.example/" + unique())
                    .sign(foreign.generateKeyPair().getPrivate()));

            assertThat(log.warnings()).singleElement().asString()
                    .contains(issuer, "takes tokens of https://fyrtarn.local only", "MP_JWT_VERIFY_ISSUER");
        }
    }

    @Test
    void a_token_signed_with_a_foreign_key_is_refused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(Jwt.upn("x@test.no").groups(Set.of("admin")).sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void an_expired_token_is_refused() {
        refused(Jwt.upn("x@test.no").groups(Set.of("admin")).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void unsigned_and_hmac_tokens_are_refused() throws Exception {
        String claims = b64("{\"iss\":\"https://fyrtarn.local\",\"upn\":\"x@test.no\",\"groups\":[\"admin\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}");
        refused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims + ".");
        String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claims;
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("a-shared-secret-that-is-long-enough".getBytes(), "HmacSHA256"));
        refused(hs256 + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(hs256.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void garbage_is_refused() {
        refused("not.a.token");
    }

    @Test
    void an_unknown_person_with_a_valid_token_joins_the_directory_on_first_request() {
        String email = "new." + unique() + "@test.no";
        String token = Jwt.upn(email).claim("name", "Nina Ny").groups(Set.of("employee")).sign();

        as(token).get("/api/admin/employees").then().statusCode(403); // any endpoint will do, even a forbidden one

        JsonPath listed = as(adminToken()).queryParam("q", email).get("/api/admin/employees").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("items.email")).containsExactly(email);
        assertThat(listed.getString("items[0].name")).isEqualTo("Nina Ny");
        assertThat(listed.getString("items[0].team")).isNull();
        assertThat(listed.getList("items[0].roles")).containsExactly("employee");
    }

    @Test
    void a_display_name_the_directory_cannot_keep_as_it_is_does_not_keep_its_holder_out() {
        // an IdP's name is what its people typed, or what its mapper made of it: each of these was a 500 on every call
        String longName = "Kari " + "Nordmann-".repeat(30) + "\uD83D\uDE80"; // 276 characters, an emoji at the end
        String email = "long." + unique() + "@test.no";
        as(Jwt.upn(email).claim("name", longName).sign()).get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(longName.substring(0, 200).strip()));
        String emojiAtTheCut = "K".repeat(199) + "\uD83D\uDE80 og resten"; // not cut inside the rocket: no "?" at the end
        as(Jwt.upn("rocket." + unique() + "@test.no").claim("name", emojiAtTheCut).sign()).get("/api/me").then()
                .statusCode(200).body("name", org.hamcrest.Matchers.equalTo("K".repeat(199)));
        for (Object name : new Object[] { "Nul\u0000l", 42, java.util.Map.of("given", "Kari") }) {
            String other = "odd." + unique() + "@test.no";
            as(Jwt.upn(other).claim("name", name).sign()).get("/api/me").then().statusCode(200)
                    .body("name", org.hamcrest.Matchers.equalTo(other)); // as for a token without a name
        }
        String spaced = "spaced." + unique() + "@test.no";
        as(Jwt.upn(spaced).claim("name", "\u00A0Kari Nordmann ").sign()).get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Kari Nordmann"));
    }

    @Test
    void a_token_whose_name_or_groups_are_not_of_their_type_is_refused_not_a_500() throws Exception {
        String upn = "\"x." + unique() + "@test.no\"";
        as(signed(upn, "[\"admin\"]")).get("/api/admin/employees").then().statusCode(200); // signed as the IdP would
        // signed by the IdP, but its mapper made the groups an object, or the upn an employee number
        refused(signed(upn, "{\"admin\": true}"));
        refused(signed("12345", "[\"admin\"]"));
    }

    /**
     * A token with these {@code upn} and {@code groups} as JSON, as written, signed with the key the service trusts:
     * Jwt's builder refuses groups that are not text itself.
     */
    private static String signed(String upn, String groups) throws Exception {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\": \"https://fyrtarn.local\", \"upn\": " + upn + ", \"groups\": " + groups
                + ", \"iat\": " + now + ", \"exp\": " + (now + 600) + "}";
        // Quarkus's test mode makes the pair and gives the service both halves inline
        String pem = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key", String.class)
                .replaceAll("-----[A-Z ]+-----", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        String content = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    @Test
    void a_token_whose_e_mail_the_directory_cannot_keep_is_refused_and_adds_nobody() {
        String u = unique();
        refused(Jwt.upn("x".repeat(250) + u + "@test.no").groups(Set.of("admin")).sign()); // over 254 characters
        refused(Jwt.upn("nul\u0000" + u + "@test.no").groups(Set.of("admin")).sign());
        assertThat(as(adminToken()).queryParam("q", u).get("/api/admin/employees").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void a_token_that_names_nobody_by_e_mail_is_refused_and_adds_nobody() {
        // an IdP left without the upn claim (Keycloak without its microprofile-jwt scope): the name is a user name
        String user = "nina.ny." + unique();
        refused(Jwt.claims().subject(user).claim("preferred_username", user).groups(Set.of("admin")).sign());
        refused(Jwt.claims().groups(Set.of("admin")).sign()); // no name at all

        assertThat(as(adminToken()).queryParam("q", user).get("/api/admin/employees").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        // one whose user name is an e-mail (an IdP where people sign in with it) is someone
        String email = "nina." + unique() + "@test.no";
        as(Jwt.claims().subject(email).claim("preferred_username", email).groups(Set.of("employee")).sign())
                .get("/api/me").then().statusCode(200).body("email", org.hamcrest.Matchers.equalTo(email));
    }

    @Test
    void groups_are_roles_in_any_case_as_an_idps_admin_named_them() {
        String admin = Jwt.upn("a." + unique() + "@test.no").groups(Set.of("Admin")).sign();
        as(admin).get("/api/admin/employees").then().statusCode(200); // it was a 403
        String marketer = Jwt.upn("m." + unique() + "@test.no").groups(Set.of("MARKETING")).sign();
        as(marketer).get("/api/posts").then().statusCode(200);
        as(marketer).get("/api/admin/employees").then().statusCode(403);
        String employee = Jwt.upn("e." + unique() + "@test.no").sign(); // no groups: an employee
        as(employee).get("/api/me").then().statusCode(200);
        as(employee).get("/api/posts").then().statusCode(403);
    }

    @Test
    void a_role_the_token_does_not_carry_is_forbidden() {
        as(token("m-" + unique() + "@test.no", "marketing")).get("/api/admin/employees").then().statusCode(403);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
