package no.fyrtarn.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The unknown codes each client address made the redirect look up in the database. The cache remembers an unknown
 * code only once asked for it, so a scan for codes costs a query per code; past {@code fyrtarn.links.scan-budget}
 * of them within {@code fyrtarn.links.scan-window}, the address is refused codes that are not in memory until its
 * window ends. Links in memory still redirect: someone behind the same address who follows a real link is not held
 * up by a scanner. Kept in memory per instance, for at most 100 000 addresses.
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
        Window current = address == null ? null : windows.getIfPresent(address);
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
        windows.asMap().compute(address, (key, current) -> current == null
                || !now.isBefore(current.start().plus(window)) ? new Window(now, 1)
                        : new Window(current.start(), current.unknown() + 1));
    }
}
