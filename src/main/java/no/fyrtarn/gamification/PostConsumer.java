package no.fyrtarn.gamification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.ConsumedEvents;
import no.fyrtarn.outbox.EventBatches;

/**
 * post.published of a post that an employee suggested earns them the suggestion rule's points. Suggestions come with
 * a later feature: until then no post.published carries {@code suggestedBy}, and this consumer only marks events seen.
 */
@ApplicationScoped
public class PostConsumer {

    static final String CONSUMER = "points-posts";
    private static final String PUBLISHED = "post.published";

    @Inject
    EventBatches batches;

    @Inject
    ConsumedEvents consumed;

    @Inject
    Scoring scoring;

    @Incoming("posts-points")
    @Blocking
    public void onPosts(ConsumerRecords<String, String> records) throws InterruptedException {
        var events = batches.read(CONSUMER, records, GameEvents.PostEvent.class).stream()
                .filter(e -> PUBLISHED.equals(e.type()) && e.payload().suggestedBy() != null).toList();
        if (events.isEmpty()) {
            return;
        }
        batches.inTransaction(CONSUMER, events.size(), () -> events.forEach(e -> {
            var post = e.payload();
            if (consumed.firstTime(CONSUMER, e.eventId())) {
                scoring.suggestionPublished(e.eventId(), post.suggestedBy(), post.title(), post.at());
            }
        }));
    }
}
