package no.fyrtarn.post;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Posts.create;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.inReview;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PostResourceTest {

    @Test
    void marketing_creates_a_draft_with_location_etag_and_everything_it_sent() {
        String marketer = marketer();
        String team = "Sales " + unique();
        importEmployees(List.of(Map.of("email", "s-" + unique() + "@test.no", "name", "S", "team", team)));
        Response created = as(marketer).body(draft("audience", Map.of("teams", List.of(team)))).post("/api/posts");

        created.then().statusCode(201).header("Location", containsString("/api/posts/")).header("ETag", notNullValue())
                .body("status", equalTo("DRAFT")).body("audience.teams", equalTo(List.of(team)))
                .body("captions.size()", equalTo(3)).body("networks", equalTo(List.of("LINKEDIN", "X")))
                .body("campaign", equalTo("hiring-2026")).body("language", equalTo("nb"));
        String location = created.header("Location");
        as(marketer).get(location).then().statusCode(200).header("ETag", equalTo(created.header("ETag")))
                .body("url", equalTo("https://example.com/jobs?team=sales"))
                .body("topics", equalTo(List.of("hiring")));
    }

    @Test
    void a_url_pasted_with_spaces_or_a_line_break_around_it_is_stored_without_them() {
        // copied from a document or a mail with what was around it (it was a 400: must be an absolute http(s) URL)
        as(marketer()).body(draft("url", " https://example.com/jobs?team=sales\n")).post("/api/posts").then()
                .statusCode(201).body("url", equalTo("https://example.com/jobs?team=sales"));
    }

    @Test
    void a_title_body_and_caption_pasted_with_no_break_spaces_around_them_are_stored_without_them() {
        // copied from a web page: the title read "Hiring" on the feed, but with a space before it that made it stand out
        var captions = List.of(Map.of("network", "LINKEDIN", "text", "Bli\u00A0med oss\u00A0"));
        Map<String, Object> draft = draft("captions", captions);
        draft.put("title", "\u00A0Vi ansetter\u00A0\u00A0");
        draft.put("body", "\uFEFFBli med\u00A0oss\u202F");
        as(marketer()).body(draft).post("/api/posts").then().statusCode(201).body("title", equalTo("Vi ansetter"))
                .body("body", equalTo("Bli med\u00A0oss")).body("captions.text", equalTo(List.of("Bli\u00A0med oss")));
    }

    @Test
    void a_time_is_kept_to_the_microsecond_and_the_answer_says_what_a_later_read_says() {
        // the answer echoed nine digits, a later read six, the last one rounded by PostgreSQL
        String location = as(marketer()).body(draft("expiresAt", "2031-01-01T10:00:00.123456789Z")).post("/api/posts")
                .then().statusCode(201).body("expiresAt", equalTo("2031-01-01T10:00:00.123456Z")).extract()
                .header("Location");
        as(marketer()).get(location).then().statusCode(200).body("expiresAt", equalTo("2031-01-01T10:00:00.123456Z"));
    }

    @Test
    void caption_variants_are_stored_trimmed_and_a_variant_given_twice_once() {
        // the same text twice would have colleagues post it word for word, which variants are there to avoid
        var captions = List.of(Map.of("network", "LINKEDIN", "text", "  Bli med oss\n"),
                Map.of("network", "LINKEDIN", "text", "Bli med oss"), Map.of("network", "X", "text", "Bli med oss"),
                Map.of("network", "LINKEDIN", "text", "Vi vokser"));
        as(marketer()).body(draft("captions", captions)).post("/api/posts").then().statusCode(201)
                .body("captions.network", equalTo(List.of("LINKEDIN", "X", "LINKEDIN")))
                .body("captions.text", equalTo(List.of("Bli med oss", "Bli med oss", "Vi vokser")));
    }

    static List<Object[]> invalidDrafts() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { "title", null, "title" });
        cases.add(new Object[] { "title", "  ", "title" });
        cases.add(new Object[] { "title", "x".repeat(201), "title" });
        // what reads as nothing: no-break spaces pasted from a web page, an ideographic space (they passed)
        cases.add(new Object[] { "title", "\u00A0\u00A0", "title" });
        cases.add(new Object[] { "body", " \u3000\n", "body" });
        cases.add(new Object[] { "captions", List.of(Map.of("network", "X", "text", "\u00A0")), "captions[0].text" });
        cases.add(new Object[] { "topics", List.of("\u202F"), "topics[0]" });
        cases.add(new Object[] { "body", null, "body" });
        cases.add(new Object[] { "url", null, "url" });
        cases.add(new Object[] { "url", "javascript:alert(1)", "url" });
        cases.add(new Object[] { "url", "example.com/no-scheme", "url" });
        cases.add(new Object[] { "url", "https://exa mple.com/", "url" });
        cases.add(new Object[] { "url", "https://" + "å".repeat(64) + ".no/", "url" }); // no ASCII name fits 63
        // a user name or password would go to everyone who follows the link, and this one's host is evil.example
        cases.add(new Object[] { "url", "https://user:secret@example.com/", "url" });
        cases.add(new Object[] { "url", "https://example.com@evil.example/login", "url" });
        cases.add(new Object[] { "networks", List.of(), "networks" });
        cases.add(new Object[] { "networks", null, "networks" });
        cases.add(new Object[] { "networks", List.of("MYSPACE"), "networks[0]" });
        cases.add(new Object[] { "topics", List.of(""), "topics[0]" });
        cases.add(new Object[] { "topics", List.of("ok", " # "), "topics[1]" }); // a hashtag without its word
        cases.add(new Object[] { "captions", List.of(Map.of("network", "FACEBOOK", "text", "hei")), "captions[0].network" });
        cases.add(new Object[] { "captions", List.of(Map.of("network", "X")), "captions[0].text" });
        cases.add(new Object[] { "audience", Map.of("teams", List.of("No such team " + UUID.randomUUID())), "audience.teams[0]" });
        cases.add(new Object[] { "expiresAt", "2001-01-01T00:00:00Z", "expiresAt" });
        cases.add(new Object[] { "expiresAt", "not a time", "expiresAt" });
        // a time without its offset, and numbers: JavaScript's Date.now() was taken as seconds, a time in the year 58 903
        cases.add(new Object[] { "publishAt", "2031-01-01T10:00:00", "publishAt" });
        cases.add(new Object[] { "publishAt", 1_924_941_600_000L, "publishAt" });
        cases.add(new Object[] { "expiresAt", 1_924_941_600, "expiresAt" });
        cases.add(new Object[] { "campaign", "c".repeat(101), "campaign" });
        cases.add(new Object[] { "language", "norsk", "language" });
        cases.add(new Object[] { "language", "en_GB", "language" });
        cases.add(new Object[] { "language", "en-" + "x".repeat(33), "language" });
        // PostgreSQL cannot store the NUL character (a 500 before)
        cases.add(new Object[] { "title", "Hei\u0000", "title" });
        cases.add(new Object[] { "captions", List.of(Map.of("network", "X", "text", "\u0000")), "captions[0].text" });
        cases.add(new Object[] { "topics", List.of("ok", "n\u0000l"), "topics[1]" });
        // misspelt fields, which would otherwise be skipped: a post that never expires, a caption lost, all teams
        cases.add(new Object[] { "expireAt", "2031-01-01T00:00:00Z", "expireAt" });
        cases.add(new Object[] { "captions", List.of(Map.of("network", "X", "txt", "hei")), "captions[0].txt" });
        cases.add(new Object[] { "audience", Map.of("team", List.of("Sales")), "audience.team" });
        return cases;
    }

    @ParameterizedTest(name = "{0}={1} → 400 naming {2}")
    @MethodSource("invalidDrafts")
    void an_invalid_draft_is_refused_naming_the_field_and_nothing_is_stored(String field, Object value, String named) {
        String marketer = marketer();
        Map<String, Object> body = draft(field, value);
        String title = (String) body.get("title");

        as(marketer).body(body).post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("violations.field", hasItem(named));
        assertThat(titlesOfDrafts(marketer)).doesNotContain(title);
    }

    @Test
    void a_time_sent_as_a_number_is_refused_saying_how_to_write_it() {
        as(marketer()).body(draft("publishAt", System.currentTimeMillis())).post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("publishAt"))
                .body("violations[0].message", equalTo("must be a date and time with its offset from UTC, as text: "
                        + "2026-12-07T10:00:00Z or 2026-12-07T11:00:00+01:00"));
    }

    @Test
    void a_time_beyond_the_years_a_date_time_has_is_refused_saying_so() {
        // Java reads a year of ten digits with its sign; PostgreSQL cannot store it, and it was a 500
        for (String time : List.of("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            as(marketer()).body(draft("expiresAt", time)).post("/api/posts").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("expiresAt"))
                    .body("violations[0].message", equalTo("must be in the years 0000 to 9999"));
        }
        as(marketer()).body(draft("expiresAt", "9999-12-31T23:59:59Z")).post("/api/posts").then().statusCode(201);
    }

    @Test
    void a_link_with_a_user_name_is_refused_saying_why() {
        as(marketer()).body(draft("url", "https://kari:Hemmelig1@staging.example.com/lansering")).post("/api/posts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].message", equalTo("must not contain a user name or password"));
    }

    @Test
    void a_posts_times_in_the_answer_that_made_it_are_those_a_later_read_gives() {
        String marketer = marketer();
        var created = as(marketer).body(draft()).post("/api/posts").then().statusCode(201).extract().jsonPath();
        var read = as(marketer).get("/api/posts/" + created.getString("id")).then().statusCode(200).extract().jsonPath();
        // the answer had nanoseconds, the stored row microseconds: "…:23.269797003Z" against "…:23.269797Z"
        assertThat(read.getString("createdAt")).isEqualTo(created.getString("createdAt"));
        assertThat(read.getString("updatedAt")).isEqualTo(created.getString("updatedAt"));
    }

    @Test
    void a_text_cut_inside_an_emoji_is_refused_and_a_whole_emoji_is_kept() throws Exception {
        String marketer = marketer();
        String title = "Utkast " + unique();
        String json = new ObjectMapper().writeValueAsString(draft("title", title + "<end>"));
        // as a client that cut the title at a length in UTF-16 units sends it: stored with a "?" at its end before
        as(marketer).body(json.replace("<end>", " \\ud83d")).post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("title"))
                .body("violations[0].message", equalTo("must not contain half a character (\\uD83D without its other"
                        + " half, as when a text is cut inside an emoji)"));
        assertThat(titlesOfDrafts(marketer)).noneMatch(stored -> stored.startsWith(title));
        String created = as(marketer).body(json.replace("<end>", " \\ud83d\\ude00")).post("/api/posts").then()
                .statusCode(201).extract().path("id");
        as(marketer).get("/api/posts/" + created).then().statusCode(200).body("title", equalTo(title + " 😀"));
    }

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(value = { "nb,nb", "NB,nb", "' sv ',sv", "en-gb,en-GB", "'',null" }, nullValues = "null")
    void the_texts_language_is_stored_as_a_tag_in_its_usual_case(String sent, String stored) {
        String marketer = marketer();
        String id = create(marketer, draft("language", sent));
        as(marketer).get("/api/posts/" + id).then().statusCode(200).body("language", equalTo(stored));
    }

    @Test
    void expiry_before_publication_is_refused() {
        Map<String, Object> body = draft();
        body.put("publishAt", Instant.now().plusSeconds(7200).toString());
        body.put("expiresAt", Instant.now().plusSeconds(3600).toString());
        as(marketer()).body(body).post("/api/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
    }

    @Test
    void the_apis_messages_are_english_whatever_the_client_reads() {
        Map<String, Object> body = draft("title", " ");
        body.put("expiresAt", "2001-01-01T00:00:00Z");
        as(marketer()).header("Accept-Language", "nb-NO,nb;q=0.9").cookie("fyrtarn_lang", "sv").body(body)
                .post("/api/posts").then().statusCode(400).body("violations[0].message", equalTo("must not be blank"));
        as(marketer()).header("Accept-Language", "sv").body(draft("expiresAt", "2001-01-01T00:00:00Z"))
                .post("/api/posts").then().statusCode(400)
                .body("violations[0].message", equalTo("must be in the future"));
    }

    @Test
    void a_field_given_twice_or_anything_after_the_json_is_refused_and_nothing_is_stored() {
        String marketer = marketer();
        String title = "Twice " + unique();
        String draft = "{\"title\":\"" + title + "\",\"body\":\"B\",\"url\":\"https://example.com/\","
                + "\"networks\":[\"X\"],\"captions\":[{\"network\":\"X\",\"text\":\"one\"%s}]}%s";
        // which of the two texts was meant is not for the service to guess (Jackson took the last)
        as(marketer).body(draft.formatted(",\"text\":\"two\"", "")).post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("captions[0].text"))
                .body("violations[0].message", equalTo("is given more than once"));
        // a second draft after the first was ignored
        as(marketer).body(draft.formatted("", " {\"title\":\"Other\"}")).post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        assertThat(titlesOfDrafts(marketer)).doesNotContain(title);
        as(marketer).body(draft.formatted("", "")).post("/api/posts").then().statusCode(201); // the same, once
    }

    @Test
    void malformed_json_is_a_problem_not_a_crash() {
        as(marketer()).body("{\"title\": ").post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        as(marketer()).body("[1,2]").post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_body_in_another_encoding_than_utf_8_is_a_400_saying_so_and_nothing_is_stored() {
        // Windows PowerShell 5 sends a text body in ISO-8859-1: its "å" was "has the wrong type or shape"
        String title = "Blåbær " + unique();
        Map<String, Object> post = draft("title", title);
        byte[] latin1 = new ObjectMapper().valueToTree(post).toString()
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        as(marketer()).contentType("application/json; charset=ISO-8859-1").body(latin1).post("/api/posts").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("title"))
                .body("violations[0].message", containsString("is not UTF-8"));
        // where no field is being read yet, the body is named
        as(marketer()).contentType("application/json").body("{\"tit\u00e5le\": 1}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).post("/api/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("is not UTF-8"));
        assertThat(titlesOfDrafts(marketer())).doesNotContain(title);
    }

    private static List<String> titlesOfDrafts(String marketer) {
        return as(marketer).get("/api/posts?status=DRAFT&limit=100").then().statusCode(200).extract()
                .path("items.title");
    }

    @Test
    void editing_needs_the_current_etag() {
        String marketer = marketer();
        Response created = as(marketer).body(draft()).post("/api/posts");
        String id = created.path("id");
        String etag = created.header("ETag");

        as(marketer).body(draft("title", "No If-Match")).put("/api/posts/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        Response updated = as(marketer).header("If-Match", etag).body(draft("title", "Second")).put("/api/posts/" + id);
        updated.then().statusCode(200).body("title", equalTo("Second"));
        assertThat(updated.header("ETag")).isNotEqualTo(etag);

        as(marketer).header("If-Match", etag).body(draft("title", "Lost update")).put("/api/posts/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        as(marketer).get("/api/posts/" + id).then().body("title", equalTo("Second"));

        // a list of ETags matches when one of them is the post's (RFC 9110; it was a 412)
        String current = updated.header("ETag");
        as(marketer).header("If-Match", etag + ", " + current).body(draft("title", "Third")).put("/api/posts/" + id)
                .then().statusCode(200).body("title", equalTo("Third"));
        as(marketer).header("If-Match", etag + ", " + current).body(draft("title", "Lost again"))
                .put("/api/posts/" + id).then().statusCode(412);
    }

    @Test
    void an_invalid_edit_keeps_the_draft_as_it_was() {
        String marketer = marketer();
        Response created = as(marketer).body(draft("title", "Original")).post("/api/posts");
        as(marketer).header("If-Match", created.header("ETag")).body(draft("url", "ftp://nope"))
                .put("/api/posts/" + created.path("id")).then().statusCode(400)
                .body("violations[0].field", equalTo("url"));
        as(marketer).get("/api/posts/" + created.path("id")).then().body("title", equalTo("Original"))
                .header("ETag", equalTo(created.header("ETag")));
    }

    @Test
    void only_drafts_can_be_edited_or_deleted() {
        String marketer = marketer();
        String id = inReview(marketer);
        String etag = as(marketer).get("/api/posts/" + id).header("ETag");

        as(marketer).header("If-Match", etag).body(draft()).put("/api/posts/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(marketer).delete("/api/posts/" + id).then().statusCode(409);
        as(marketer).get("/api/posts/" + id).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void a_draft_can_be_deleted() {
        String marketer = marketer();
        String id = create(marketer, draft());
        as(marketer).delete("/api/posts/" + id).then().statusCode(204);
        as(marketer).get("/api/posts/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listing_filters_by_status_and_pages_newest_first() {
        String marketer = marketer();
        String tag = unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(marketer, draft("title", tag + " " + i)));
        }
        as(marketer).post("/api/posts/" + ids.get(0) + "/submit").then().statusCode(200);

        List<String> inReview = as(marketer).get("/api/posts?status=IN_REVIEW&limit=100").then().statusCode(200)
                .extract().path("items.id");
        assertThat(inReview).contains(ids.get(0)).doesNotContain(ids.get(1), ids.get(2));

        var page1 = as(marketer).get("/api/posts?status=DRAFT&limit=1").then().statusCode(200).extract().jsonPath();
        var page2 = as(marketer).get("/api/posts?status=DRAFT&limit=1&cursor=" + page1.getString("nextCursor")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.id")).containsExactly(ids.get(2));
        assertThat(page2.getList("items.id")).containsExactly(ids.get(1));

        as(marketer).get("/api/posts?status=BOGUS").then().statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void unknown_posts_are_404() {
        String marketer = marketer();
        String id = UUID.randomUUID().toString();
        as(marketer).get("/api/posts/" + id).then().statusCode(404).contentType("application/problem+json");
        as(marketer).header("If-Match", "\"0\"").body(draft()).put("/api/posts/" + id).then().statusCode(404);
        as(marketer).delete("/api/posts/" + id).then().statusCode(404);
        for (String action : List.of("submit", "approve", "archive")) {
            as(marketer).post("/api/posts/" + id + "/" + action).then().statusCode(404);
        }
        for (String action : List.of("reject", "withdraw")) {
            as(marketer).body(Map.of("reason", "x")).post("/api/posts/" + id + "/" + action).then().statusCode(404);
        }
        as(marketer).get("/api/posts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void posts_are_for_marketing_and_admins_only() {
        String id = create(marketer(), draft());
        String employee = token("e-" + unique() + "@test.no", "employee");
        String leader = token("l-" + unique() + "@test.no", "employee", "leader");
        Map<String, String> requests = new HashMap<>();
        requests.put("GET", "/api/posts");
        for (String who : List.of(employee, leader)) {
            as(who).get("/api/posts").then().statusCode(403).contentType("application/problem+json");
            as(who).get("/api/posts/" + id).then().statusCode(403);
            as(who).body(draft()).post("/api/posts").then().statusCode(403);
            as(who).header("If-Match", "\"0\"").body(draft()).put("/api/posts/" + id).then().statusCode(403);
            as(who).delete("/api/posts/" + id).then().statusCode(403);
            for (String action : List.of("submit", "approve", "archive")) {
                as(who).post("/api/posts/" + id + "/" + action).then().statusCode(403);
            }
            for (String action : List.of("reject", "withdraw")) {
                as(who).body(Map.of("reason", "x")).post("/api/posts/" + id + "/" + action).then().statusCode(403);
            }
        }
        given().get("/api/posts").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/posts/" + id).then().statusCode(401);
        given().contentType("application/json").body(draft()).post("/api/posts").then().statusCode(401);
        given().post("/api/posts/" + id + "/approve").then().statusCode(401);
        given().contentType("application/json").body(Map.of("reason", "x")).post("/api/posts/" + id + "/withdraw")
                .then().statusCode(401);
        as(adminToken()).get("/api/posts/" + id).then().statusCode(200);
    }
}
