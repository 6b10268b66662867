package no.fyrtarn.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PublishedPost;

/** A writer that is not running (not started yet, or stopping) refuses at once instead of leaving the request waiting. */
class ShareWriterStoppedTest {

    @Test
    void a_share_handed_to_a_writer_that_is_not_running_is_refused_with_503() {
        var registry = new SimpleMeterRegistry();
        ShareWriter stopped = new ShareWriter(10, registry);
        PublishedPost post = new PublishedPost(UUID.randomUUID(), "Post", "", "https://example.com", List.of(),
                List.of(Network.X), List.of(), null, null, Instant.now(), null);
        var share = new ShareWriter.Pending(UUID.randomUUID(), post, Network.X, "Tekst", "tap-1", "hash", Instant.now());

        assertThat(stopped.write(share)).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(503));
        assertThat(registry.get("fyrtarn.shares.write.queued").gauge().value()).isZero(); // not left waiting
        assertThat(share.answer()).isNotDone();
    }
}
