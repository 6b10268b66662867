package no.fyrtarn.post;

import static no.fyrtarn.testing.Posts.create;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.inReview;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.status;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.atOnce;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.fyrtarn.testing.MovableClock;

@QuarkusTest
class PostWorkflowTest {

    @Inject
    MovableClock clock;

    @Inject
    PostService posts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void act(String who, String id, String action, int expected) {
        var request = as(who);
        if (action.equals("reject")) {
            request = request.body(Map.of("reason", "Needs a better caption"));
        }
        request.post("/api/posts/" + id + "/" + action).then().statusCode(expected);
    }

    @Test
    void a_second_marketer_approves_and_the_post_is_published() {
        String author = marketer();
        String id = inReview(author);

        as(marketer()).post("/api/posts/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
    }

    @Test
    void the_author_cannot_approve_their_own_post() {
        String author = marketer();
        String id = inReview(author);

        as(author).post("/api/posts/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(status(author, id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void an_admin_may_approve_even_their_own_post() {
        String admin = adminToken();
        String id = inReview(admin);
        act(admin, id, "approve", 200);
        assertThat(status(admin, id)).isEqualTo("PUBLISHED");
    }

    @Test
    void rejecting_sends_the_post_back_to_draft_with_the_reason() {
        String author = marketer();
        String id = inReview(author);
        as(marketer()).body(Map.of("reason", "Shorter, please")).post("/api/posts/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("reviewNote", equalTo("Shorter, please"));
        as(marketer()).body(Map.of("reason", " ")).post("/api/posts/" + inReview(author) + "/reject").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        as(marketer()).body(Map.of("reason", "\u00A0")).post("/api/posts/" + inReview(author) + "/reject").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
    }

    @Test
    void a_resubmitted_post_can_be_approved() {
        String author = marketer();
        String id = inReview(author);
        act(marketer(), id, "reject", 200);
        act(author, id, "submit", 200);
        act(marketer(), id, "approve", 200);
        assertThat(status(author, id)).isEqualTo("PUBLISHED");
    }

    @Test
    void an_approval_with_if_match_is_of_the_version_the_reviewer_read() {
        String author = marketer();
        String reviewer = marketer();
        String id = inReview(author);
        String read = as(reviewer).get("/api/posts/" + id).getHeader("ETag");
        // sent back by someone else, then changed and submitted again
        act(marketer(), id, "reject", 200);
        Map<String, Object> changed = draft();
        changed.put("title", "Not what the reviewer read");
        String draftEtag = as(author).get("/api/posts/" + id).getHeader("ETag");
        as(author).header("If-Match", draftEtag).body(changed).put("/api/posts/" + id).then().statusCode(200);
        act(author, id, "submit", 200);

        as(reviewer).header("If-Match", read).post("/api/posts/" + id + "/approve").then().statusCode(412)
                .contentType("application/problem+json");
        assertThat(status(author, id)).isEqualTo("IN_REVIEW");
        String now = as(reviewer).get("/api/posts/" + id).getHeader("ETag");
        as(reviewer).header("If-Match", now).post("/api/posts/" + id + "/approve").then().statusCode(200)
                .body("title", equalTo("Not what the reviewer read"));
        assertThat(status(author, id)).isEqualTo("PUBLISHED");
    }

    @Test
    void illegal_transitions_are_conflicts_and_change_nothing() {
        String author = marketer();
        String reviewer = marketer();
        String draftId = create(author, draft());
        for (String action : List.of("approve", "reject")) {
            act(reviewer, draftId, action, 409);
        }
        assertThat(status(author, draftId)).isEqualTo("DRAFT");

        String reviewId = inReview(author);
        act(author, reviewId, "submit", 409);
        assertThat(status(author, reviewId)).isEqualTo("IN_REVIEW");

        String published = inReview(author);
        act(reviewer, published, "approve", 200);
        for (String action : List.of("submit", "approve", "reject")) {
            act(reviewer, published, action, 409);
        }
        assertThat(status(author, published)).isEqualTo("PUBLISHED");

        act(reviewer, published, "archive", 200);
        for (String action : List.of("submit", "approve", "reject", "archive")) {
            act(reviewer, published, action, 409);
        }
        assertThat(status(author, published)).isEqualTo("ARCHIVED");
    }

    @Test
    void any_post_can_be_archived() {
        String author = marketer();
        String draftId = create(author, draft());
        act(author, draftId, "archive", 200);
        String reviewId = inReview(author);
        act(author, reviewId, "archive", 200);
        assertThat(List.of(status(author, draftId), status(author, reviewId))).containsOnly("ARCHIVED");
    }

    @Test
    void a_post_with_publish_time_waits_scheduled_until_its_time() {
        String author = marketer();
        String id = inReview(author, draft("publishAt", clock.instant().plus(Duration.ofHours(2)).toString()));

        as(marketer()).post("/api/posts/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        act(marketer(), id, "approve", 409);

        clock.advance(Duration.ofMinutes(119));
        posts.applyDueTransitions(100);
        assertThat(status(author, id)).isEqualTo("SCHEDULED");

        clock.advance(Duration.ofMinutes(2));
        posts.applyDueTransitions(100);
        assertThat(status(author, id)).isEqualTo("PUBLISHED");
    }

    @Test
    void a_scheduled_post_sent_back_is_a_draft_again_and_does_not_go_live_at_its_time() {
        // a typo found after approval: it had to be archived and written again
        String author = marketer();
        String id = inReview(author, draft("publishAt", clock.instant().plus(Duration.ofHours(2)).toString()));
        act(marketer(), id, "approve", 200);
        assertThat(status(author, id)).isEqualTo("SCHEDULED");

        act(marketer(), id, "reject", 409); // the contract's reject is for posts in review
        as(author).body(Map.of("reason", "Typo in the title")).post("/api/posts/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("reviewNote", equalTo("Typo in the title"));
        clock.advance(Duration.ofHours(3));
        posts.applyDueTransitions(100);
        assertThat(status(author, id)).isEqualTo("DRAFT");

        as(author).header("If-Match", "*").body(draft("title", "Without the typo")).put("/api/posts/" + id).then()
                .statusCode(200);
        act(author, id, "submit", 200);
        act(author, id, "approve", 403); // approved again, by four eyes again
        act(marketer(), id, "approve", 200);
        assertThat(status(author, id)).isEqualTo("PUBLISHED");
        as(author).body(Map.of("reason", "Too late")).post("/api/posts/" + id + "/withdraw").then().statusCode(409)
                .body("detail", equalTo("A post in status PUBLISHED cannot be withdrawn; it must be SCHEDULED"));
        as(author).body(Map.of("reason", " ")).post("/api/posts/" + create(author, draft()) + "/withdraw").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
    }

    @Test
    void a_published_post_expires_at_its_expiry() {
        String author = marketer();
        String id = inReview(author, draft("expiresAt", clock.instant().plus(Duration.ofDays(3)).toString()));
        act(marketer(), id, "approve", 200);

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        posts.applyDueTransitions(100);
        assertThat(status(author, id)).isEqualTo("PUBLISHED");

        clock.advance(Duration.ofMinutes(2));
        posts.applyDueTransitions(100);
        assertThat(status(author, id)).isEqualTo("EXPIRED");
        act(author, id, "archive", 200);
    }

    @Test
    void two_reviewers_approving_at_once_publish_the_post_once_and_the_later_hears_it_is_published() throws Exception {
        String author = marketer();
        String id = inReview(author);
        List<Callable<Response>> approvals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String reviewer = marketer();
            approvals.add(() -> as(reviewer).post("/api/posts/" + id + "/approve"));
        }

        List<Response> answers = atOnce(approvals);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 409)
                .filteredOn(code -> code == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.jsonPath().getString("detail"))
                .allMatch(detail -> detail.contains("PUBLISHED"));
        assertThat(status(author, id)).isEqualTo("PUBLISHED");
    }

    @Test
    void two_edits_of_the_same_version_at_once_keep_one_and_the_other_is_told_the_post_changed() throws Exception {
        String author = marketer();
        Response created = as(author).body(draft()).post("/api/posts");
        String id = created.jsonPath().getString("id");
        List<Callable<Response>> edits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String title = "Edit " + i;
            edits.add(() -> as(author).header("If-Match", created.header("ETag")).body(draft("title", title))
                    .put("/api/posts/" + id));
        }

        List<Response> answers = atOnce(edits);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 412)
                .filteredOn(code -> code == 200).hasSize(1);
        Response kept = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        as(author).get("/api/posts/" + id).then().statusCode(200).header("ETag", equalTo(kept.header("ETag")))
                .body("title", equalTo(kept.jsonPath().getString("title")));
    }

    @Test
    void a_post_whose_expiry_passed_during_review_cannot_be_approved() {
        String author = marketer();
        String id = inReview(author, draft("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString()));

        clock.advance(Duration.ofHours(2));
        as(marketer()).post("/api/posts/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(status(author, id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void an_employee_cannot_move_posts() {
        String id = inReview(marketer());
        String employee = token("e-" + unique() + "@test.no", "employee");
        for (String action : List.of("submit", "approve", "archive", "reject")) {
            act(employee, id, action, 403);
        }
    }
}
