package no.fyrtarn.leaderboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Tells stream subscribers that the leaderboard changed, coalesced: however many awards land, at most one notice per
 * interval (fyrtarn.leaderboard.stream-interval). A notice says only that and when; clients fetch the board they show.
 * Each client's stream opens with a comment, and has one between notices every fyrtarn.leaderboard.stream-keep-alive,
 * which a browser does not dispatch: a proxy that closes connections idle for a minute (nginx, a cloud load balancer)
 * would otherwise make every open page reconnect, and fetch its live parts again, once a minute while nothing
 * happens.
 */
@ApplicationScoped
public class LeaderboardStream {

    /** A leaderboard change notice. */
    public record Change(Instant at) {
    }

    @ConfigProperty(name = "fyrtarn.leaderboard.stream-interval", defaultValue = "1s")
    Duration interval;

    @ConfigProperty(name = "fyrtarn.leaderboard.stream-keep-alive", defaultValue = "30s")
    Duration keepAlive;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Each notice as its JSON, written once for every client that hears it. */
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private Cancellable ticker;

    @PostConstruct
    void start() {
        ticker = Multi.createFrom().ticks().every(interval).subscribe().with(tick -> {
            if (dirty.getAndSet(false)) {
                changes.onNext(asJson(new Change(clock.instant())));
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

    /** One client's stream: each notice as an event with its JSON as data, and the keep-alive comments between. */
    Multi<OutboundSseEvent> events(Sse sse) {
        Multi<OutboundSseEvent> notices = changes.map(change -> sse.newEventBuilder().data(change).build());
        Multi<OutboundSseEvent> comments = Multi.createFrom().ticks().every(keepAlive)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(notices, comments);
    }

    private String asJson(Change change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of one instant
        }
    }
}
