package no.fyrtarn.gamification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.EventBatches;

/**
 * post.published of a post that an employee suggested earns them the suggestion rule's points. Suggestions come with
 * a later feature: until then no post.published carries {@code suggestedBy}, and this consumer passes every event by.
 */
@ApplicationScoped
public class PostConsumer {

    static final String CONSUMER = "points-posts";
    private static final String PUBLISHED = "post.published";

    @Inject
    EventBatches batches;

    @Inject
    Scoring scoring;

    @Incoming("posts-points")
    @Blocking
    public void onPosts(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        batches.applyOnce(CONSUMER, records, GameEvents.PostEvent.class,
                e -> PUBLISHED.equals(e.type()) && e.payload().suggestedBy() != null,
                e -> scoring.suggestionPublished(e.eventId(), e.payload().suggestedBy(), e.payload().postId(),
                        e.payload().title(), e.payload().at()));
    }
}
