package no.fyrtarn.leaderboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.gamification.Action;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Points;
import no.fyrtarn.outbox.ConsumedEvents;
import no.fyrtarn.outbox.EventBatches;

/**
 * points.awarded → the leaderboard read model: each award adds to its employee's row in the week, month, quarter and
 * all-time bucket of the award's time. A batch's awards are summed per row first, then written in one JDBC batch.
 */
@ApplicationScoped
public class LeaderboardConsumer {

    static final String CONSUMER = "leaderboard";

    @Inject
    EventBatches batches;

    @Inject
    ConsumedEvents consumed;

    @Inject
    LeaderboardRepository board;

    @Inject
    GameCalendar calendar;

    @Inject
    BoardChanges changes;

    @Incoming("points-leaderboard")
    @Blocking
    public void onAwards(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        var events = batches.read(CONSUMER, records, Points.PointsAwarded.class);
        if (events.isEmpty()) {
            return;
        }
        batches.inTransaction(CONSUMER, events.size(), () -> {
            Map<String, LeaderboardRepository.Delta> deltas = new LinkedHashMap<>();
            Set<UUID> fresh = consumed.firstTimes(CONSUMER,
                    events.stream().map(EventBatches.Received::eventId).toList());
            for (var e : events) {
                if (fresh.contains(e.eventId())) {
                    add(deltas, e.payload());
                }
            }
            if (!deltas.isEmpty()) {
                board.add(deltas.values());
                changes.announce();
            }
        });
    }

    private void add(Map<String, LeaderboardRepository.Delta> deltas, Points.PointsAwarded award) {
        LocalDate day = calendar.day(award.at());
        for (Period period : Period.values()) {
            LocalDate bucket = period.bucket(day);
            var delta = new LeaderboardRepository.Delta(period, bucket, award.employeeId(), award.points(),
                    award.action() == Action.SHARE ? 1 : 0, award.action() == Action.CLICK ? 1 : 0,
                    award.action() == Action.SUGGESTION ? 1 : 0);
            deltas.merge(period + "|" + bucket + "|" + award.employeeId(), delta, (a, b) -> new LeaderboardRepository.Delta(
                    period, bucket, award.employeeId(), a.points() + b.points(), a.shares() + b.shares(),
                    a.clicks() + b.clicks(), a.creations() + b.creations()));
        }
    }
}
