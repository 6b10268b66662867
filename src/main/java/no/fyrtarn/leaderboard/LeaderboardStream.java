package no.fyrtarn.leaderboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Tells stream subscribers that the leaderboard changed, coalesced: however many awards land, at most one notice per
 * interval (fyrtarn.leaderboard.stream-interval). A notice says only that and when; clients fetch the board they show.
 */
@ApplicationScoped
public class LeaderboardStream {

    /** A leaderboard change notice. */
    public record Change(Instant at) {
    }

    @ConfigProperty(name = "fyrtarn.leaderboard.stream-interval", defaultValue = "250ms")
    Duration interval;

    @Inject
    Clock clock;

    private final AtomicBoolean dirty = new AtomicBoolean();
    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private Cancellable ticker;

    @PostConstruct
    void start() {
        ticker = Multi.createFrom().ticks().every(interval).subscribe().with(tick -> {
            if (dirty.getAndSet(false)) {
                changes.onNext(new Change(clock.instant()));
            }
        });
    }

    @PreDestroy
    void stop() {
        ticker.cancel();
        changes.onComplete();
    }

    void changed() {
        dirty.set(true);
    }

    Multi<Change> changes() {
        return changes;
    }
}
