package no.fyrtarn.link;

import static no.fyrtarn.link.ClickCountingTest.countedOnceJudged;
import static no.fyrtarn.link.ForwardedForTest.PHONE;
import static no.fyrtarn.link.ForwardedForTest.clickForwardedFor;
import static no.fyrtarn.link.RedirectResourceTest.trackedPath;
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
import no.fyrtarn.testing.LogCapture;
import no.fyrtarn.testing.RawHttp;

/**
 * Behind a proxy that replaces X-Forwarded-For with the address it saw (nginx's {@code $remote_addr}), with
 * {@code fyrtarn.links.forwarded-for-depth} at its default: the header's first address is the reader's. The tests' own
 * connection (127.0.0.1) plays the proxy.
 */
@QuarkusTest
@TestProfile(ForwardedForFirstTest.BehindAProxy.class)
class ForwardedForFirstTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    LinkClickRepository clicks;

    @TestHTTPResource("/")
    URL base;

    @Test
    void each_reader_the_proxy_names_counts_once() {
        String path = trackedPath("https://example.com/replaced", null);
        clickForwardedFor(path, "198.51.100.7");
        clickForwardedFor(path, "198.51.100.8"); // the same browser, elsewhere
        clickForwardedFor(path, "198.51.100.7");
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(2);
    }

    /**
     * A proxy that appends to the header instead sends one address too, but several when the reader sent one of
     * their own: with the first taken, each click writing a new one would count. Nothing else would show that.
     */
    @Test
    void several_addresses_from_the_trusted_proxy_are_said_once_as_maybe_an_appending_proxys() throws IOException {
        String path = trackedPath("https://example.com/several", null);
        try (LogCapture log = LogCapture.of(ClientAddress.class)) {
            clickForwardedFor(path, "198.51.100.7");
            RawHttp.Answer untrusted = RawHttp.getFrom(InetAddress.getByName("127.0.0.2"), base, path,
                    "User-Agent: " + PHONE, "X-Forwarded-For: 203.0.113.1, 198.51.100.7");
            assertThat(untrusted.status()).isEqualTo(302);
            assertThat(log.warnings()).as("one address, or several from a client that is not the proxy").isEmpty();

            clickForwardedFor(path, "203.0.113.1, 198.51.100.7");
            clickForwardedFor(path, "203.0.113.2, 198.51.100.7");
            assertThat(log.warnings()).singleElement().asString()
                    .contains("trusted proxy (127.0.0.1)", "several", "FYRTARN_LINKS_FORWARDED_FOR_DEPTH")
                    .as("readers' addresses stay out of the log").doesNotContain("203.0.113.", "198.51.100.");
        }
    }
}
