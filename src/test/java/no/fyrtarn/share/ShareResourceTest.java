package no.fyrtarn.share;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.atOnce;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.create;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.testing.Api.Person;
import no.fyrtarn.testing.TopicReader;

@QuarkusTest
class ShareResourceTest {

    private static Response share(Person who, String postId, Map<String, Object> body, String key) {
        var request = as(who.token()).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/posts/" + postId + "/shares");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static long sharesOf(String postId) {
        return as(marketer()).get("/api/posts/" + postId).then().statusCode(200).extract().jsonPath()
                .getLong("stats.shares");
    }

    @Test
    void sharing_on_linkedin_answers_a_tracked_link_and_the_share_dialog_and_announces_the_share() {
        Person sharer = employeeIn(null);
        String id = publish(draft());
        try (var reader = new TopicReader(Topics.SHARES)) {
            JsonPath share = share(sharer, id, Map.of("network", "LINKEDIN"), null).then().statusCode(201)
                    .body("postId", equalTo(id)).body("network", equalTo("LINKEDIN"))
                    .body("trackedUrl", matchesPattern("http://localhost:\\d+/s/[0-9A-Za-z]{8}"))
                    .extract().jsonPath();
            String trackedUrl = share.getString("trackedUrl");
            assertThat(share.getString("shareIntentUrl")).startsWith("https://www.linkedin.com/sharing/share-offsite/?url=");
            assertThat(query(share.getString("shareIntentUrl"))).containsEntry("url", trackedUrl);
            assertThat(share.getString("text")).isIn("Bli med oss", "Vi vokser");

            String employeeId = sharer.employeeId();
            await().atMost(Duration.ofSeconds(20)).until(() -> !reader.withKey(employeeId).isEmpty());
            ConsumerRecord<String, String> record = reader.withKey(employeeId).get(0);
            assertThat(TopicReader.headers(record)).containsEntry("ce_type", "share.recorded");
            JsonPath event = new JsonPath(record.value());
            assertThat(event.getString("shareId")).isEqualTo(share.getString("shareId"));
            assertThat(event.getString("postId")).isEqualTo(id);
            assertThat(event.getString("employeeId")).isEqualTo(employeeId);
            assertThat(event.getString("network")).isEqualTo("LINKEDIN");
            assertThat(trackedUrl).endsWith("/s/" + event.getString("linkCode"));
            assertThat(event.getBoolean("firstOnNetwork")).isTrue();
        }
        assertThat(sharesOf(id)).isEqualTo(1);
    }

    @Test
    void x_gets_text_and_link_within_280_characters_as_x_counts_them_and_facebook_the_sharer() {
        Person sharer = employeeIn(null);
        Map<String, Object> body = draft("networks", List.of("X", "FACEBOOK"));
        body.put("captions", List.of());
        String id = publish(body);
        String longText = ("Fyrtårn gjør deling enkelt for alle ansatte \uD83D\uDE80 ").repeat(8); // X counts 🚀 as 2

        JsonPath x = share(sharer, id, Map.of("network", "X", "text", longText), null).then().statusCode(201)
                .extract().jsonPath();
        Map<String, String> intent = query(x.getString("shareIntentUrl"));
        assertThat(x.getString("shareIntentUrl")).startsWith("https://x.com/intent/tweet?");
        assertThat(intent.get("url")).isEqualTo(x.getString("trackedUrl"));
        assertThat(intent.get("text")).isEqualTo(x.getString("text")).endsWith("…");
        assertThat(longText).startsWith(intent.get("text").replace("…", ""));
        assertThat(XText.weightedLength(intent.get("text")) + 1 + 23).isLessThanOrEqualTo(280).isGreaterThan(260);

        JsonPath facebook = share(sharer, id, Map.of("network", "FACEBOOK"), null).then().statusCode(201)
                .body("text", equalTo(body.get("title"))).extract().jsonPath();
        assertThat(facebook.getString("shareIntentUrl")).startsWith("https://www.facebook.com/sharer/sharer.php?u=");
        assertThat(query(facebook.getString("shareIntentUrl"))).containsEntry("u", facebook.getString("trackedUrl"));
    }

    @Test
    void sharing_again_records_a_new_share_on_the_same_tracked_link() {
        Person sharer = employeeIn(null);
        String id = publish(draft());
        JsonPath first = share(sharer, id, Map.of("network", "LINKEDIN"), null).then().statusCode(201).extract().jsonPath();
        JsonPath again = share(sharer, id, Map.of("network", "LINKEDIN", "text", "Igjen!"), null).then().statusCode(201)
                .body("text", equalTo("Igjen!")).extract().jsonPath();
        JsonPath onX = share(sharer, id, Map.of("network", "X", "text", "\u00A0"), null).then().statusCode(201)
                .body("text", equalTo("Jobb hos oss")).extract().jsonPath(); // nothing written: the suggestion
        JsonPath colleague = share(employeeIn(null), id, Map.of("network", "LINKEDIN"), null).then().statusCode(201)
                .extract().jsonPath();

        assertThat(again.getString("shareId")).isNotEqualTo(first.getString("shareId"));
        assertThat(again.getString("trackedUrl")).isEqualTo(first.getString("trackedUrl"));
        assertThat(onX.getString("trackedUrl")).isNotEqualTo(first.getString("trackedUrl"));
        assertThat(colleague.getString("trackedUrl")).isNotEqualTo(first.getString("trackedUrl"));
        assertThat(sharesOf(id)).isEqualTo(4);
    }

    @Test
    void the_same_idempotency_key_answers_the_same_share_and_refuses_a_different_body() {
        Person sharer = employeeIn(null);
        String id = publish(draft());
        String key = "tap-" + unique();
        String shareId = share(sharer, id, Map.of("network", "LINKEDIN"), key).then().statusCode(201).extract()
                .path("shareId");
        share(sharer, id, Map.of("network", "LINKEDIN"), key).then().statusCode(200).body("shareId", equalTo(shareId));
        share(sharer, id, Map.of("network", "X"), key).then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422));
        share(sharer, id, Map.of("network", "LINKEDIN", "text", "Annen tekst"), key).then().statusCode(422);
        // keys belong to their employee: a colleague's equal key is a share of its own
        share(employeeIn(null), id, Map.of("network", "LINKEDIN"), key).then().statusCode(201);
        assertThat(sharesOf(id)).isEqualTo(2);
    }

    @Test
    void ten_concurrent_retries_with_one_key_make_one_share_and_one_event() throws Exception {
        Person sharer = employeeIn(null);
        String id = publish(draft());
        String key = "tap-" + unique();
        String employeeId = sharer.employeeId();
        try (var reader = new TopicReader(Topics.SHARES)) {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> share(sharer, id, Map.of("network", "X"), key));
            }
            List<Response> responses = atOnce(calls);

            assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(responses).extracting(r -> r.jsonPath().getString("shareId")).containsOnly(
                    responses.get(0).jsonPath().getString("shareId"));
            assertThat(sharesOf(id)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> reader.withKey(employeeId).size() >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> reader.withKey(employeeId).size() == 1);
        }
    }

    @Test
    void a_post_outside_the_callers_feed_is_404_and_nothing_is_stored() {
        Person sharer = employeeIn("Sales " + unique());
        String otherTeam = "Support " + unique();
        employeeIn(otherTeam);
        String forOthers = publish(draft("audience", Map.of("teams", List.of(otherTeam))));
        String author = marketer();
        String drafted = create(author, draft());

        share(sharer, forOthers, Map.of("network", "LINKEDIN"), null).then().statusCode(404)
                .contentType("application/problem+json");
        share(sharer, drafted, Map.of("network", "LINKEDIN"), null).then().statusCode(404);
        share(sharer, java.util.UUID.randomUUID().toString(), Map.of("network", "LINKEDIN"), null).then().statusCode(404);
        assertThat(sharesOf(forOthers)).isZero();
        assertThat(sharesOf(drafted)).isZero();
    }

    @Test
    void a_post_archived_or_expired_after_a_share_is_404_at_once() {
        // the first share reads the post and keeps it (fyrtarn.posts.live-cache); neither change may wait for that
        Person sharer = employeeIn(null);
        String archived = publish(draft());
        String key = "tap-" + unique();
        String shareId = share(sharer, archived, Map.of("network", "LINKEDIN"), key).then().statusCode(201).extract()
                .path("shareId");
        as(marketer()).post("/api/posts/" + archived + "/archive").then().statusCode(200);
        share(sharer, archived, Map.of("network", "LINKEDIN"), null).then().statusCode(404);
        // a retry of the share made before is still answered, and one with a different body still refused
        share(sharer, archived, Map.of("network", "LINKEDIN"), key).then().statusCode(200)
                .body("shareId", equalTo(shareId));
        share(sharer, archived, Map.of("network", "X"), key).then().statusCode(422);

        String expiring = publish(draft("expiresAt", Instant.now().plusSeconds(4).toString()));
        String keyBefore = "tap-" + unique();
        String before = share(sharer, expiring, Map.of("network", "LINKEDIN"), keyBefore).then().statusCode(201)
                .extract().path("shareId");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                share(sharer, expiring, Map.of("network", "X"), null).then().statusCode(404));
        // the expired post is still kept in memory, so this is refused on the event loop, and answered from its key
        share(sharer, expiring, Map.of("network", "LINKEDIN"), keyBefore).then().statusCode(200)
                .body("shareId", equalTo(before));
        assertThat(sharesOf(archived)).isEqualTo(1);
    }

    @Test
    void a_text_within_its_limit_is_shared_however_long_its_json_is() {
        Person sharer = employeeIn(null);
        String id = publish(draft());
        String text = "共有".repeat(1500); // 3 000 characters, the most a text may have
        // as Python's json.dumps and others write it by default: every character escaped, 18 000 bytes and more
        String escaped = text.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(Collectors.joining());
        as(sharer.token()).body("{\"network\":\"LINKEDIN\",\"text\":\"" + escaped + "\"}")
                .post("/api/posts/" + id + "/shares").then().statusCode(201).body("text", equalTo(text));
        // too long, in a body past 10 KiB: named as too long, not as malformed JSON
        share(sharer, id, Map.of("network", "X", "text", "x".repeat(12_000)), null).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("text"));
        assertThat(sharesOf(id)).isEqualTo(1);
    }

    @Test
    void bad_input_is_400_naming_the_field_and_nothing_is_stored() {
        Person sharer = employeeIn(null);
        String id = publish(draft()); // LINKEDIN and X

        share(sharer, id, Map.of("network", "MYSPACE"), null).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("network"));
        share(sharer, id, Map.of(), null).then().statusCode(400).body("violations[0].field", equalTo("network"));
        share(sharer, id, Map.of("network", "FACEBOOK"), null).then().statusCode(400)
                .body("violations[0].field", equalTo("network"));
        share(sharer, id, Map.of("network", "X", "text", "x".repeat(3001)), null).then().statusCode(400)
                .body("violations[0].field", equalTo("text"));
        for (Object notText : List.of(123, true, 1.5)) { // not quietly taken as "123", "true", "1.5"
            share(sharer, id, Map.of("network", "X", "text", notText), null).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("text"));
        }
        share(sharer, id, Map.of("network", "X", "text", "Hei\u0000"), null).then().statusCode(400) // was a 500
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must not contain the NUL character (\\u0000)"));
        // cut inside an emoji, as a client that counts UTF-16 units cuts it: stored with a "?" in its place before
        for (String half : List.of("Hei \\ud83d", "\\ude00 Hei", "Hei \\ud83d\\ud83d\\ude00")) {
            as(sharer.token()).body("{\"network\":\"X\",\"text\":\"" + half + "\"}").post("/api/posts/" + id + "/shares")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("text"))
                    .body("violations[0].message", startsWith("must not contain half a character"));
        }
        share(sharer, id, Map.of("network", 1), null).then().statusCode(400) // not the second network, X
                .body("violations[0].field", equalTo("network"));
        // a misspelt field is not skipped, which would share the caption instead of the employee's own words
        share(sharer, id, Map.of("network", "X", "txt", "My own words"), null).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("txt"))
                .body("violations[0].message", equalTo("is not a field of this request"));
        // a field twice: Jackson took the last, shared on LinkedIn for a client that may have meant X
        as(sharer.token()).body("{\"network\":\"X\",\"network\":\"LINKEDIN\"}").post("/api/posts/" + id + "/shares")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("network"));
        share(sharer, id, Map.of("network", "X"), "with space").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        share(sharer, id, Map.of("network", "X"), "k".repeat(101)).then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        // no body at all names the body, not the Java parameter behind it
        as(sharer.token()).post("/api/posts/" + id + "/shares").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        // an empty key is a client's mistake, not "no key": retries would each record a share
        share(sharer, id, Map.of("network", "X"), "").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(sharesOf(id)).isZero();
    }

    @Test
    void the_openapi_document_states_the_idempotency_key_rule_the_service_applies() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> schema = doc.getMap("paths.'/api/posts/{id}/shares'.post.parameters"
                + ".find { it.name == 'Idempotency-Key' }.schema");
        assertThat(schema).containsKeys("pattern", "minLength", "maxLength");
        Pattern pattern = Pattern.compile((String) schema.get("pattern"));
        int min = (Integer) schema.get("minLength"), max = (Integer) schema.get("maxLength");
        Person sharer = employeeIn(null);
        String id = publish(draft());
        for (String key : List.of("", "with space", "k".repeat(101), "nøkkel", "k".repeat(100), "a-Z_0.9~!")) {
            boolean documented = key.length() >= min && key.length() <= max && pattern.matcher(key).find();
            int status = share(sharer, id, Map.of("network", "X"), key).statusCode();
            assertThat(status).as("key '%s'", key).isEqualTo(documented ? 201 : 400);
        }
    }

    @Test
    void sharing_needs_a_token_and_any_signed_in_employee_may_share() {
        String id = publish(draft());
        given().contentType("application/json").body(Map.of("network", "X")).post("/api/posts/" + id + "/shares")
                .then().statusCode(401);
        // a token without groups is still an employee (every provisioned person is)
        as(token("nogroups-" + unique() + "@test.fyrtarn.no")).body(Map.of("network", "X"))
                .post("/api/posts/" + id + "/shares").then().statusCode(201);
    }

    @Test
    void the_bench_builds_baselines_are_not_in_the_service() {
        as(employeeIn(null).token()).body(Map.of("network", "X"))
                .post("/bench/posts/" + UUID.randomUUID() + "/shares").then().statusCode(404);
        given().redirects().follow(false).get("/bench/302").then().statusCode(404);
    }
}
