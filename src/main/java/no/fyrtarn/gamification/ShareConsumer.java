package no.fyrtarn.gamification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.EventBatches;

/** share.recorded → points, streaks, badges and challenge progress; each event once, by its ce_id. */
@ApplicationScoped
public class ShareConsumer {

    static final String CONSUMER = "points-shares";

    @Inject
    EventBatches batches;

    @Inject
    Scoring scoring;

    @Incoming("shares-points")
    @Blocking
    public void onShares(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        batches.applyAllOnce(CONSUMER, records, GameEvents.ShareRecorded.class, e -> true,
                fresh -> scoring.batched(() -> fresh.forEach(e -> scoring.shared(e.eventId(), e.payload().employeeId(),
                        e.payload().postId(), e.payload().network(), e.payload().firstOnNetwork(),
                        e.payload().at()))));
    }
}
