package no.fyrtarn.gamification;

import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.atOnce;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Game.awaitTotal;
import static no.fyrtarn.testing.Game.share;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.fyrtarn.testing.Api.Person;

@QuarkusTest
class ChallengeResourceTest {

    private static Map<String, Object> challenge(String topic) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "Ukens utfordring " + unique());
        c.put("topic", topic);
        c.put("targetShares", 2);
        c.put("bonusPoints", 30);
        c.put("startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        c.put("endsAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
        return c;
    }

    @Test
    void meeting_a_challenge_pays_its_bonus_once_and_only_matching_shares_count() {
        String topic = "t" + unique();
        Map<String, Object> challenge = challenge(topic);
        String name = (String) challenge.get("name");
        String id = as(marketer()).body(challenge).post("/api/challenges").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/challenges/")).extract().path("id");
        String team = "Lag " + unique();
        Person sharer = employeeIn(team);
        share(sharer.token(), publish(draft()), "LINKEDIN"); // other topic: does not count
        share(sharer.token(), publish(draft("topics", List.of(topic))), "LINKEDIN");
        share(sharer.token(), publish(draft("topics", List.of(topic))), "X");
        share(sharer.token(), publish(draft("topics", List.of(topic))), "LINKEDIN");

        assertThat(awaitTotal(sharer.token(), 70)).isEqualTo(70);
        List<Map<String, Object>> mine = as(sharer.token()).queryParam("limit", 100).get("/api/challenges").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> progress = mine.stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
        assertThat(progress).containsEntry("myShares", 3).containsEntry("targetShares", 2);
        assertThat(progress.get("completedAt")).isNotNull();
        List<Map<String, Object>> lines = as(sharer.token()).get("/api/me/points").then().extract().path("items");
        assertThat(lines).filteredOn(l -> "CHALLENGE".equals(l.get("action"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("points", 30).containsEntry("title", name)
                        .containsEntry("postId", null).containsEntry("network", null))
                .satisfies(l -> assertThat((String) l.get("reason")).isEqualTo("Challenge met: " + name));
        as(sharer.token()).accept("text/html").get("/points").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Met the challenge “" + name + "”"));

        // who they are, not only an id that marketing, who may not read the directory, could not look up
        as(marketer()).get("/api/challenges/" + id + "/participants").then().statusCode(200)
                .body("items[0].employeeId", equalTo(sharer.employeeId())).body("items[0].shares", equalTo(3))
                .body("items[0].name", equalTo("Ansatt " + sharer.email())).body("items[0].team", equalTo(team))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")));
        // a cursor this list did not give ("not ours", base64url) is a 400 naming it
        as(marketer()).get("/api/challenges/" + id + "/participants?cursor=bm90IG91cnM").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void a_challenge_is_where_its_location_says_and_marketing_can_end_it_early_keeping_the_bonuses_paid() {
        String topic = "t" + unique();
        Map<String, Object> challenge = challenge(topic);
        challenge.put("targetShares", 1);
        String location = as(marketer()).body(challenge).post("/api/challenges").then().statusCode(201).extract()
                .header("Location");
        Person early = employeeIn(null);
        share(early.token(), publish(draft("topics", List.of(topic))), "LINKEDIN");
        assertThat(awaitTotal(early.token(), 40)).isEqualTo(40); // the share's 10 and the bonus
        // the Location of a new challenge was a 404
        as(early.token()).get(location).then().statusCode(200).body("name", equalTo(challenge.get("name")))
                .body("myShares", equalTo(1)).body("completedAt", org.hamcrest.Matchers.notNullValue());

        Instant before = Instant.now();
        String endsAt = as(marketer()).post(location + "/end").then().statusCode(200).extract().path("endsAt");
        assertThat(Instant.parse(endsAt)).isBetween(before.minusSeconds(1), Instant.now());
        as(marketer()).post(location + "/end").then().statusCode(409).contentType("application/problem+json");

        Person late = employeeIn(null);
        share(late.token(), publish(draft("topics", List.of(topic))), "LINKEDIN");
        assertThat(awaitTotal(late.token(), 10)).isEqualTo(10);
        assertThat(as(late.token()).get("/api/me/points").then().extract().jsonPath().getList("items.action"))
                .containsExactly("SHARE"); // no progress, no bonus after the end
        as(late.token()).get(location).then().statusCode(200).body("myShares", equalTo(0));
        assertThat(as(late.token()).queryParam("limit", 100).get("/api/challenges").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(location.substring(location.lastIndexOf('/') + 1));
        assertThat(awaitTotal(early.token(), 40)).isEqualTo(40); // the bonus paid stays paid

        // one that had not begun yet ends before it began
        Map<String, Object> later = challenge("t" + unique());
        later.put("startsAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        String laterId = as(marketer()).body(later).post("/api/challenges").then().statusCode(201).extract().path("id");
        var ended = as(marketer()).post("/api/challenges/" + laterId + "/end").then().statusCode(200).extract()
                .jsonPath();
        assertThat(ended.getString("startsAt")).isEqualTo(ended.getString("endsAt"));
    }

    @Test
    void two_marketers_ending_a_challenge_at_once_end_it_once_and_the_later_hears_it_ended() throws Exception {
        String id = as(marketer()).body(challenge("t" + unique())).post("/api/challenges").then().statusCode(201)
                .extract().path("id");
        List<Callable<Response>> ends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String marketer = marketer();
            ends.add(() -> as(marketer).post("/api/challenges/" + id + "/end"));
        }

        List<Response> answers = atOnce(ends);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 409)
                .filteredOn(code -> code == 200).hasSize(1);
        String endsAt = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("endsAt");
        as(marketer()).get("/api/challenges/" + id).then().statusCode(200).body("endsAt", equalTo(endsAt));
    }

    @Test
    void a_challenges_topic_and_campaign_match_posts_as_posts_store_theirs() {
        String key = "t" + unique();
        Map<String, Object> byTopic = challenge("  #" + key.toUpperCase(java.util.Locale.ROOT) + " "); // a hashtag
        byTopic.put("targetShares", 1);
        String topicId = as(marketer()).body(byTopic).post("/api/challenges").then().statusCode(201)
                .body("topic", equalTo(key)).extract().path("id");
        Map<String, Object> byCampaign = challenge(""); // a form's empty field: no topic, not the topic ""
        byCampaign.put("campaign", " kampanje\u00a0" + key + " "); // a no-break space from a document
        byCampaign.put("targetShares", 1);
        String campaignId = as(marketer()).body(byCampaign).post("/api/challenges").then().statusCode(201)
                .body("topic", equalTo(null)).body("campaign", equalTo("kampanje " + key)).extract().path("id");

        Person sharer = employeeIn(null);
        Map<String, Object> post = draft("topics", List.of(key));
        post.put("campaign", "kampanje  " + key);
        share(sharer.token(), publish(post), "LINKEDIN");

        assertThat(awaitTotal(sharer.token(), 70)).isEqualTo(70); // the share's 10, both bonuses of 30
        List<Map<String, Object>> mine = as(sharer.token()).queryParam("limit", 100).get("/api/challenges").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(mine).filteredOn(c -> List.of(topicId, campaignId).contains(c.get("id"))).hasSize(2)
                .allSatisfy(c -> assertThat(c).containsEntry("myShares", 1).doesNotContainEntry("completedAt", null));
    }

    @Test
    void a_challenge_needs_a_name_a_goal_and_an_end_after_its_start_and_now_and_only_marketing_starts_one() {
        Map<String, Object> backwards = challenge(null);
        backwards.put("endsAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        as(marketer()).body(backwards).post("/api/challenges").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("endsAt"));
        Map<String, Object> over = challenge(null); // a wrong month, say: it could never be met, nor be listed
        over.put("startsAt", Instant.now().minus(30, ChronoUnit.DAYS).toString());
        over.put("endsAt", Instant.now().minus(23, ChronoUnit.DAYS).toString());
        as(marketer()).body(over).post("/api/challenges").then().statusCode(400)
                .body("violations[0].field", equalTo("endsAt"))
                .body("violations[0].message", equalTo("must be in the future"));
        Map<String, Object> noGoal = challenge(null);
        noGoal.put("targetShares", 0);
        as(marketer()).body(noGoal).post("/api/challenges").then().statusCode(400)
                .body("violations.field", hasItem("targetShares"));
        as(marketer()).body(challenge("#")).post("/api/challenges").then().statusCode(400) // not "any post"
                .body("violations.field", hasItem("topic"));
        Map<String, Object> wordyGoal = challenge(null);
        wordyGoal.put("targetShares", "3");
        as(marketer()).body(wordyGoal).post("/api/challenges").then().statusCode(400)
                .body("violations.field", hasItem("targetShares"));
        Map<String, Object> endless = challenge(null); // a year Java reads and PostgreSQL cannot store: it was a 500
        endless.put("endsAt", "+1000000000-01-01T00:00:00Z");
        as(marketer()).body(endless).post("/api/challenges").then().statusCode(400)
                .body("violations.field", hasItem("endsAt"));
        Map<String, Object> unnamed = challenge(null); // a name of no-break spaces reads as none on every phone
        unnamed.put("name", "\u00A0\u3000");
        as(marketer()).body(unnamed).post("/api/challenges").then().statusCode(400)
                .body("violations.field", hasItem("name"));

        String employee = employeeIn(null).token();
        as(employee).body(challenge(null)).post("/api/challenges").then().statusCode(403);
        as(employee).get("/api/challenges/" + java.util.UUID.randomUUID() + "/participants").then().statusCode(403);
        var running = as(marketer()).body(challenge("t" + unique())).post("/api/challenges").then().statusCode(201).extract()
                .jsonPath();
        as(employee).post("/api/challenges/" + running.getString("id") + "/end").then().statusCode(403);
        io.restassured.RestAssured.given().post("/api/challenges/" + running.getString("id") + "/end").then()
                .statusCode(401);
        io.restassured.RestAssured.given().get("/api/challenges/" + running.getString("id")).then().statusCode(401);
        as(employee).get("/api/challenges/" + running.getString("id")).then().statusCode(200)
                .body("endsAt", equalTo(running.getString("endsAt"))); // still running, as created (to the µs)
        String unknown = java.util.UUID.randomUUID().toString();
        as(employee).get("/api/challenges/" + unknown).then().statusCode(404).contentType("application/problem+json");
        as(marketer()).post("/api/challenges/" + unknown + "/end").then().statusCode(404);
        as(marketer()).get("/api/challenges/" + unknown + "/participants").then().statusCode(404)
                .body("detail", equalTo("Challenge " + unknown + " not found")); // was "No such challenge not found"
        List<String> names = as(employee).queryParam("limit", 100).get("/api/challenges").then().statusCode(200)
                .extract().path("items.name");
        assertThat(names).noneMatch(n -> n.equals(backwards.get("name")) || n.equals(noGoal.get("name"))
                || n.equals(over.get("name")));
    }
}
