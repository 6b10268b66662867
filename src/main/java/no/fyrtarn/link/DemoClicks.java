package no.fyrtarn.link;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Clicks on a demo share's tracked link ({@code share.DemoShares}), each from a client of its own, handed to the
 * {@link ClickRecorder} as the redirect hands its clicks: Kafka, the click consumer's counting and the points that
 * follow are those of a real click. The clients are addresses of TEST-NET-1 (RFC 5737), which no one has.
 */
@ApplicationScoped
public class DemoClicks {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    @Inject
    LinkService links;

    @Inject
    ClickRecorder recorder;

    @Inject
    ClientHasher clients;

    @Inject
    Clock clock;

    /** {@code count} clicks (at most 254) on the link of {@code trackedUrl}, from as many clients. */
    public void follow(String trackedUrl, int count) {
        if (count < 0 || count > 254) {
            throw new IllegalArgumentException("0 to 254 clients, one address of 192.0.2.0/24 each: " + count);
        }
        var target = links.resolve(trackedUrl.substring(trackedUrl.lastIndexOf('/') + 1)).orElseThrow();
        for (int i = 1; i <= count; i++) {
            Instant now = clock.instant();
            recorder.record(ClickEvent.of(target, now, clients.identify("192.0.2." + i, BROWSER, now), BROWSER, "GET"));
        }
    }
}
