package no.fyrtarn.link;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.fyrtarn.testing.LogCapture;
import no.fyrtarn.testing.MovableClock;
import no.fyrtarn.testing.RawHttp;

@QuarkusTest
class RedirectResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    LinkConfig config;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Shares a freshly published post with this URL and campaign on LinkedIn; @return the tracked link's path. */
    static String trackedPath(String url, String campaign) {
        Map<String, Object> body = draft("url", url);
        body.put("campaign", campaign);
        String postId = publish(body);
        String trackedUrl = as(employeeIn(null).token()).body(Map.of("network", "LINKEDIN"))
                .post("/api/posts/" + postId + "/shares").then().statusCode(201).extract().path("trackedUrl");
        return trackedUrl.substring(trackedUrl.indexOf("/s/"));
    }

    private static Response follow(String path) {
        return given().redirects().follow(false).header("User-Agent", "Mozilla/5.0 (Linux; Android 14)").get(path);
    }

    @Test
    void a_tracked_link_redirects_to_the_post_url_with_utm_parameters_and_is_never_cached() {
        String path = trackedPath("https://example.com/jobs?team=sales&utm_source=newsletter#apply", "spring");
        Response response = follow(path);

        response.then().statusCode(302).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        String location = response.header("Location");
        assertThat(location).startsWith("https://example.com/jobs?team=sales&utm_source=linkedin"
                + "&utm_medium=employee_advocacy&utm_campaign=spring&utm_content=").endsWith("#apply");
        assertThat(location).doesNotContain("newsletter");
        // the same link answers the same way every time (cached after the first lookup)
        assertThat(follow(path).header("Location")).isEqualTo(location);
    }

    @Test
    void head_is_redirected_too() {
        String path = trackedPath("https://example.com/a", null);
        given().redirects().follow(false).head(path).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.startsWith("https://example.com/a?utm_source=linkedin"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/s/Zz9Zz9Zz", "/s/abc", "/s/aaaaaaaa-bbbb", "/s//evil.example", "/s/%2F%2Fevil.example",
            "/s/https:%2F%2Fevil.example", "/s/https%3A%2F%2Fevil.example%2Fx", "/s/..%2F..%2Fapi%2Ffeed",
            "/s/%5C%5Cevil.example", "/s/" })
    void unknown_malformed_and_smuggled_codes_are_404_without_a_location(String path) {
        given().redirects().follow(false).urlEncodingEnabled(false).get(path).then().statusCode(404)
                .contentType("application/problem+json").header("Location", nullValue());
    }

    @Test
    void only_the_stored_url_is_a_destination_whatever_the_request_adds() {
        String path = trackedPath("https://example.com/safe", null);
        Response response = given().redirects().follow(false).urlEncodingEnabled(false)
                .get(path + "?url=https://evil.example&next=//evil.example");
        response.then().statusCode(302);
        assertThat(response.header("Location")).startsWith("https://example.com/safe?").doesNotContain("evil");
        // what a network or a mail client adds, twice or not, is no business of the redirect's
        given().redirects().follow(false).get(path + "?fbclid=a&fbclid=b").then().statusCode(302);
    }

    /** Before session 61 Quarkus answered these with an empty 400: the visitor saw a blank page, the click was lost. */
    @Test
    void a_link_followed_with_what_a_browser_leaves_unencoded_in_its_query_redirects_as_without() throws Exception {
        String path = trackedPath("https://example.com/as-sent", null);
        String location = follow(path).header("Location");
        // a mail tool's placeholder left unfilled, a campaign tag's habit
        for (String query : List.of("?utm_content={{ad.name}}", "?ref=news|dec^2026")) {
            RawHttp.Answer answer = RawHttp.get(base, path + query, "User-Agent: Mozilla/5.0 (Linux; Android 14)");
            assertThat(answer.status()).as(query).isEqualTo(302);
            assertThat(answer.header("Location")).as(query).isEqualTo(location);
        }
    }

    @Test
    void a_post_on_an_internationalized_domain_redirects_to_the_domains_ascii_name() {
        // as a browser shows and copies it; the post was refused, "must be an absolute http(s) URL"
        String path = trackedPath("https://blåbær.no/tilbud?sort=pris#kjøp", null);
        assertThat(follow(path).header("Location")).startsWith("https://xn--blbr-roah.no/tilbud?sort=pris&utm_source=")
                .endsWith("#kj%C3%B8p");
    }

    @Test
    void a_shared_link_keeps_working_after_its_post_is_archived() {
        String path = trackedPath("https://example.com/archived", null);
        String postId = follow(path).header("Location").replaceAll(".*utm_content=", "");
        as(no.fyrtarn.testing.Posts.marketer()).post("/api/posts/" + postId + "/archive").then().statusCode(200);
        follow(path).then().statusCode(302);
    }

    @Test
    void an_address_scanning_for_codes_is_refused_for_a_while_yet_follows_links_in_memory() {
        String known = trackedPath("https://example.com/scanned", null);
        follow(known).then().statusCode(302);
        clock.advance(config.scanWindow().multipliedBy(2)); // a window of its own, whatever other tests looked up
        for (int i = 0; i < config.scanBudget(); i++) {
            follow("/s/" + unknownCode()).then().statusCode(404);
        }
        Response refused = follow("/s/" + unknownCode());
        refused.then().statusCode(429).contentType("application/problem+json").header("Location", nullValue());
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, config.scanWindow().toSeconds());
        given().redirects().follow(false).accept("text/html").get("/s/" + unknownCode()).then().statusCode(429)
                .contentType("text/html").body(containsString("Too many tries from here"));
        // a real link in memory still redirects, for this address too
        follow(known).then().statusCode(302);

        clock.advance(config.scanWindow());
        follow("/s/" + unknownCode()).then().statusCode(404);
    }

    /** Well-formed, and with 40 random bits unknown for all practical purposes. */
    static String unknownCode() {
        return "Scan" + UUID.randomUUID().toString().substring(0, 10).replace("-", "");
    }

    /**
     * Behind a proxy the service is not told about, every click comes from the proxy's address: readers with the same
     * browser count once between them, and one scanner gets links refused to all. Nothing else would show it.
     */
    @Test
    void a_link_followed_through_a_proxy_the_service_is_not_told_about_is_said_once_with_what_to_set() {
        String path = trackedPath("https://example.com/proxied", null);
        try (LogCapture log = LogCapture.of(ClientAddress.class)) {
            follow(path).then().statusCode(302);
            assertThat(log.warnings()).as("a reader's own browser says nothing of proxies").isEmpty();

            for (int i = 0; i < 3; i++) {
                given().redirects().follow(false).header("X-Forwarded-For", "198.51.100." + i).get(path).then()
                        .statusCode(302);
            }
            assertThat(log.warnings()).singleElement().asString().contains("127.0.0.1, with X-Forwarded-For",
                    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        }
    }

    @Test
    void the_redirect_is_public_and_ignores_a_bad_token() {
        String path = trackedPath("https://example.com/b", null);
        given().redirects().follow(false).auth().oauth2("not-a-token").get(path).then().statusCode(302)
                .body(equalTo(""));
    }
}
