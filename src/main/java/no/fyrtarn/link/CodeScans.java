package no.fyrtarn.link;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The unknown codes each client address made the redirect look up in the database. The cache remembers an unknown
 * code only once asked for it, so a scan for codes costs a query per code; once an address found
 * {@code fyrtarn.links.scan-budget} of them within {@code fyrtarn.links.scan-window}, it is refused codes that are
 * not in memory until its window ends. Links in memory still redirect: someone behind the same address who follows
 * a real link is not held up by a scanner. An IPv6 address counts by its /64, the network one subscriber gets, where
 * a scanner could otherwise take a fresh address for every few codes. Kept in memory per instance, for at most
 * 100 000 of them.
 */
@ApplicationScoped
public class CodeScans {

    private record Window(Instant start, int unknown) {
    }

    private final Cache<String, Window> windows;

    private final int budget;

    private final Duration window;

    private final Clock clock;

    @Inject
    CodeScans(LinkConfig config, Clock clock) {
        this.budget = config.scanBudget();
        this.window = config.scanWindow();
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
    }

    /** How long the address must wait before it may look codes up again; empty when it may now. */
    public Optional<Duration> refusal(String address) {
        Window current = address == null ? null : windows.getIfPresent(key(address));
        if (current == null || current.unknown() < budget) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.start().plus(window));
        return left.isPositive() ? Optional.of(left) : Optional.empty();
    }

    /** The address looked up a code the database does not know. */
    public void unknown(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        windows.asMap().compute(key(address), (key, current) -> current == null
                || !now.isBefore(current.start().plus(window)) ? new Window(now, 1)
                        : new Window(current.start(), current.unknown() + 1));
    }

    /** An IPv4 address as it is; an IPv6 address by its first 64 bits. */
    private static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal (it has a colon): parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
