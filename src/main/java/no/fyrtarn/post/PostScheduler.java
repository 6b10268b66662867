package no.fyrtarn.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Time-driven transitions: SCHEDULED → PUBLISHED at publishAt, PUBLISHED → EXPIRED at expiresAt. */
@ApplicationScoped
public class PostScheduler {

    private static final int BATCH = 100;

    @Inject
    PostService posts;

    @Scheduled(every = "${fyrtarn.posts.transition-interval:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not against a database that is going away
    void tick() {
        while (posts.applyDueTransitions(BATCH) == BATCH) {
            // a full batch: more may be due
        }
    }
}
