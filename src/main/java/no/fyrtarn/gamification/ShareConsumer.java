package no.fyrtarn.gamification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.ConsumedEvents;
import no.fyrtarn.outbox.EventBatches;

/** share.recorded → points, streaks, badges and challenge progress; each event once, by its ce_id. */
@ApplicationScoped
public class ShareConsumer {

    static final String CONSUMER = "points-shares";

    @Inject
    EventBatches batches;

    @Inject
    ConsumedEvents consumed;

    @Inject
    Scoring scoring;

    @Incoming("shares-points")
    @Blocking
    public void onShares(ConsumerRecords<String, String> records) throws InterruptedException {
        var events = batches.read(CONSUMER, records, GameEvents.ShareRecorded.class);
        if (events.isEmpty()) {
            return;
        }
        batches.inTransaction(CONSUMER, events.size(), () -> events.forEach(e -> {
            var share = e.payload();
            if (consumed.firstTime(CONSUMER, e.eventId())) {
                scoring.shared(e.eventId(), share.employeeId(), share.postId(), share.network(),
                        share.firstOnNetwork(), share.at());
            }
        }));
    }
}
