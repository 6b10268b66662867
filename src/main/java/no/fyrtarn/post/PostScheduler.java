package no.fyrtarn.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import no.fyrtarn.infra.DatabaseOutage;

/** Time-driven transitions: SCHEDULED → PUBLISHED at publishAt, PUBLISHED → EXPIRED at expiresAt. */
@ApplicationScoped
public class PostScheduler {

    private static final Logger LOG = Logger.getLogger(PostScheduler.class);
    private static final int BATCH = 100;

    @Inject
    PostService posts;

    @Scheduled(every = "${fyrtarn.posts.transition-interval:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not against a database that is going away
    void tick() {
        try {
            while (posts.applyDueTransitions(BATCH) == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e; // the scheduler logs it, with its stack
            }
            LOG.warnf("Posts' due transitions wait for the database (%s)", e.getMessage()); // the next tick tries again
        }
    }
}
