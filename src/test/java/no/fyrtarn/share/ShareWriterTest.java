package no.fyrtarn.share;

import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PublishedPost;
import no.fyrtarn.share.ShareWriter.Pending;
import no.fyrtarn.share.ShareWriter.Written;
import no.fyrtarn.testing.TopicReader;

/** The group commit seam: what one batch of shares, as the writer gets them from concurrent requests, becomes. */
@QuarkusTest
class ShareWriterTest {

    @Inject
    ShareWriter writer;

    @Inject
    ShareRepository shares;

    @Inject
    PostService posts;

    @Inject
    AgroalDataSource dataSource;

    private PublishedPost post() {
        return posts.describe(UUID.fromString(publish(draft()))).orElseThrow();
    }

    private static Pending pending(UUID employee, PublishedPost post, String key, String requestHash) {
        return new Pending(employee, post, Network.LINKEDIN, "Tekst", key, requestHash,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static Written answer(Pending p) throws Exception {
        return p.answer().get();
    }

    private long sharesOf(UUID postId) {
        return QuarkusTransaction.requiringNew().call(() -> shares.count("postId", postId));
    }

    @Test
    void one_batch_answers_retries_with_the_first_share_of_their_key_and_announces_each_new_share_once() throws Exception {
        UUID sharer = UUID.fromString(employeeIn(null).employeeId());
        UUID colleague = UUID.fromString(employeeIn(null).employeeId());
        PublishedPost post = post();
        String key = "tap-" + unique();
        Pending first = pending(sharer, post, key, "a");
        Pending retry = pending(sharer, post, key, "a");
        Pending otherBody = pending(sharer, post, key, "b");
        Pending again = pending(sharer, post, null, "c");
        Pending once = pending(sharer, post, null, "d");
        Pending colleagues = pending(colleague, post, key, "a"); // keys are per employee

        Written made;
        try (var reader = new TopicReader(Topics.SHARES)) {
            writer.writeEach(List.of(first, retry, otherBody, again, once, colleagues));

            made = answer(first);
            assertThat(made.created()).isTrue();
            assertThat(made.share().id()).isEqualTo(first.shareId());
            for (Pending p : List.of(retry, otherBody)) {
                assertThat(answer(p).created()).isFalse();
                assertThat(answer(p).share()).isEqualTo(made.share()); // the service refuses "b" (422) from its hash
            }
            assertThat(List.of(again, once, colleagues)).allSatisfy(p -> assertThat(answer(p).created()).isTrue());
            assertThat(answer(again).share().linkCode()).isEqualTo(made.share().linkCode())
                    .isEqualTo(answer(once).share().linkCode()).isNotEqualTo(answer(colleagues).share().linkCode());
            assertThat(sharesOf(post.id())).isEqualTo(4);

            await().atMost(Duration.ofSeconds(20)).until(() -> reader.withKey(sharer.toString()).size() >= 3);
            List<JsonPath> events = reader.withKey(sharer.toString()).stream().map(r -> new JsonPath(r.value()))
                    .toList();
            assertThat(events).extracting(e -> e.getString("shareId")).containsExactlyInAnyOrder(
                    first.shareId().toString(), again.shareId().toString(), once.shareId().toString());
            assertThat(events).filteredOn(e -> e.getBoolean("firstOnNetwork")).extracting(e -> e.getString("shareId"))
                    .containsExactly(first.shareId().toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> reader.withKey(colleague.toString()).size() == 1);
        }

        // the next batch finds the key in the database
        Pending later = pending(sharer, post, key, "a");
        writer.writeEach(List.of(later));
        assertThat(answer(later)).isEqualTo(new Written(made.share(), false));
        assertThat(sharesOf(post.id())).isEqualTo(4);
    }

    @Test
    void a_share_that_cannot_be_stored_fails_alone_and_the_rest_of_its_batch_is_written() {
        UUID sharer = UUID.fromString(employeeIn(null).employeeId());
        PublishedPost post = post();
        PublishedPost gone = new PublishedPost(UUID.randomUUID(), "Gone", "", "https://example.com/gone", List.of(),
                List.of(Network.LINKEDIN), List.of(), null, null, Instant.now(), null); // no such post: its link cannot be stored
        Pending before = pending(sharer, post, null, "a");
        Pending broken = pending(sharer, gone, null, "a");
        Pending after = pending(sharer, post, null, "b");

        writer.writeEach(List.of(before, broken, after));

        assertThat(before.answer()).isCompletedWithValueMatching(Written::created);
        assertThat(after.answer()).isCompletedWithValueMatching(Written::created);
        assertThatThrownBy(() -> broken.answer().get()).isInstanceOf(ExecutionException.class);
        assertThat(sharesOf(post.id())).isEqualTo(2);
        assertThat(sharesOf(gone.id())).isZero();
    }

    @Test
    void shares_not_written_within_30_s_are_refused_with_503_and_a_retry_with_the_key_answers_the_share_once_written()
            throws Exception {
        UUID sharer = UUID.fromString(employeeIn(null).employeeId());
        PublishedPost post = post();
        String key = "tap-" + unique();
        Pending stuck = pending(sharer, post, key, "a");
        Pending queued = pending(sharer, post, null, "b");
        try (var lock = dataSource.getConnection(); var statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("lock table share in share mode"); // a database the writer waits for
            try {
                CompletableFuture<Written> stuckAnswer = writer.write(stuck);
                await().atMost(Duration.ofSeconds(20)).until(() -> shareInsertsWaitingForALock() == 1);
                CompletableFuture<Written> queuedAnswer = writer.write(queued); // behind the stuck batch

                writer.refuseLate(System.nanoTime());
                assertThat(stuckAnswer).isNotDone();
                assertThat(queuedAnswer).isNotDone();

                writer.refuseLate(System.nanoTime() + Duration.ofSeconds(31).toNanos());
                for (var answer : List.of(stuckAnswer, queuedAnswer)) {
                    assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                            .havingCause().isInstanceOfSatisfying(ProblemException.class,
                                    e -> assertThat(e.problem().status()).isEqualTo(503));
                }
            } finally {
                lock.rollback();
            }
        }

        // the writer gets to them once the database answers; the client's retry with the same key finds its share
        await().atMost(Duration.ofSeconds(20)).until(() -> sharesOf(post.id()) == 2);
        Written retried = writer.write(pending(sharer, post, key, "a")).get();
        assertThat(retried.created()).isFalse();
        assertThat(retried.share().id()).isEqualTo(stuck.shareId());
    }

    private long shareInsertsWaitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like '%insert into share (%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
