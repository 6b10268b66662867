package no.fyrtarn.link;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.link.ClickCountingTest.countedOnceJudged;
import static no.fyrtarn.link.RedirectResourceTest.trackedPath;
import static no.fyrtarn.link.RedirectResourceTest.unknownCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.fyrtarn.testing.LogCapture;
import no.fyrtarn.testing.RawHttp;

/**
 * Behind a load balancer that appends the address it saw to X-Forwarded-For (AWS's, Google's), the header's first
 * address is whatever the reader wrote: an employee writing a new one at each click of their own link would count as
 * a new reader each time, and earn the points. Here the tests' own connection (127.0.0.1) plays that load balancer.
 */
@QuarkusTest
@TestProfile(ForwardedForTest.BehindAnAppendingProxy.class)
class ForwardedForTest {

    public static class BehindAnAppendingProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "fyrtarn.links.forwarded-for-depth", "1");
        }
    }

    static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36";

    @Inject
    LinkClickRepository clicks;

    @Inject
    ClientAddress clientAddress;

    @Inject
    LinkConfig config;

    @TestHTTPResource("/")
    URL base;

    static void clickForwardedFor(String path, String forwardedFor) {
        followForwardedFor(path, forwardedFor).then().statusCode(302);
    }

    private static Response followForwardedFor(String path, String forwardedFor) {
        return given().redirects().follow(false).header("User-Agent", PHONE).header("X-Forwarded-For", forwardedFor)
                .get(path);
    }

    @Test
    void a_reader_counts_once_by_the_address_the_proxy_saw_whatever_address_they_write() {
        String path = trackedPath("https://example.com/appended", null);
        clickForwardedFor(path, "203.0.113.1, 198.51.100.7");
        clickForwardedFor(path, "203.0.113.2, 198.51.100.7");
        clickForwardedFor(path, "198.51.100.7");
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);

        clickForwardedFor(path, "198.51.100.7, 198.51.100.8"); // another reader, writing the first one's address
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(2);
    }

    /** Each unknown code costs a query: a scanner that could write a new address each time would escape its budget. */
    @Test
    void a_scanner_writing_a_new_address_each_time_meets_the_budget_of_the_address_the_proxy_saw() {
        for (int i = 0; i < config.scanBudget(); i++) {
            followForwardedFor("/s/" + unknownCode(), "203.0.113." + i + ", 198.51.100.66").then().statusCode(404);
        }
        followForwardedFor("/s/" + unknownCode(), "203.0.113.250, 198.51.100.66").then().statusCode(429);
        // another reader behind the same load balancer, writing the scanner's address
        followForwardedFor("/s/" + unknownCode(), "198.51.100.66, 198.51.100.67").then().statusCode(404);
    }

    @Test
    void a_client_that_reaches_the_service_past_the_proxy_cannot_name_its_address() throws IOException {
        String path = trackedPath("https://example.com/past-the-proxy", null);
        InetAddress notTheProxy = InetAddress.getByName("127.0.0.2");
        for (String written : new String[] { "203.0.113.1, 198.51.100.7", "198.51.100.9", "203.0.113.3, 10.0.0.4" }) {
            RawHttp.Answer answer = RawHttp.getFrom(notTheProxy, base, path, "User-Agent: " + PHONE,
                    "X-Forwarded-For: " + written);
            assertThat(answer.status()).isEqualTo(302);
        }
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);
    }

    @Test
    void these_settings_are_sound_and_the_start_says_nothing_of_them() {
        try (LogCapture log = LogCapture.of(ClientAddress.class)) {
            clientAddress.onStart(null);
            assertThat(log.warnings()).isEmpty();
        }
    }
}
