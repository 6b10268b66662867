package no.fyrtarn.share;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.create;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.draftAbout;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.testing.Api.Person;
import no.fyrtarn.testing.MovableClock;

@QuarkusTest
class FeedResourceTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Each test tags its posts with a topic of its own and reads the feed filtered by it. */
    private static JsonPath feed(Person who, String topic) {
        return as(who.token()).queryParam("topic", topic).queryParam("limit", 100).get("/api/feed").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void employee_sees_posts_for_everyone_and_their_team_but_not_other_teams() {
        String topic = "t-" + unique();
        String sales = "Sales " + unique();
        String support = "Support " + unique();
        Person seller = employeeIn(sales);
        employeeIn(support);
        String everyone = publish(draftAbout(topic, List.of()));
        String forSales = publish(draftAbout(topic, List.of(sales)));
        String forSupport = publish(draftAbout(topic, List.of(support)));
        String forBoth = publish(draftAbout(topic, List.of(support, sales)));

        assertThat(feed(seller, topic).getList("items.postId", String.class))
                .containsExactly(forBoth, forSales, everyone).doesNotContain(forSupport);
        assertThat(feed(employeeIn(null), topic).getList("items.postId", String.class)).containsExactly(everyone);
    }

    @Test
    void drafts_posts_in_review_and_expired_posts_are_not_in_the_feed() {
        String topic = "t-" + unique();
        Person reader = employeeIn(null);
        String author = marketer();
        create(author, draftAbout(topic, List.of()));
        String inReview = create(author, draftAbout(topic, List.of()));
        as(author).post("/api/posts/" + inReview + "/submit").then().statusCode(200);
        Map<String, Object> shortLived = draftAbout(topic, List.of());
        shortLived.put("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString());
        String expiring = publish(shortLived);
        assertThat(feed(reader, topic).getList("items.postId", String.class)).containsExactly(expiring);

        clock.advance(Duration.ofHours(2)); // past expiresAt, even before the scheduler marks it EXPIRED
        assertThat(feed(reader, topic).getList("items")).isEmpty();
    }

    @Test
    void an_item_carries_what_the_phone_shows_and_where_the_caller_shared_it() {
        String topic = "t-" + unique();
        Person reader = employeeIn(null);
        String id = publish(draftAbout(topic, List.of()));
        as(reader.token()).body(Map.of("network", "X")).post("/api/posts/" + id + "/shares").then().statusCode(201);

        JsonPath item = feed(reader, topic).setRootPath("items[0]");
        assertThat(item.getString("postId")).isEqualTo(id);
        assertThat(item.getString("url")).isEqualTo("https://example.com/jobs?team=sales");
        assertThat(item.getList("topics")).containsExactly(topic);
        assertThat(item.getList("networks")).containsExactly("LINKEDIN", "X");
        assertThat(item.getString("language")).as("of its texts").isEqualTo("nb");
        assertThat(item.getString("publishedAt")).isNotBlank();
        assertThat(item.getString("captions.X")).isEqualTo("Jobb hos oss");
        assertThat(item.getString("captions.LINKEDIN")).isIn("Bli med oss", "Vi vokser");
        assertThat(item.getList("sharedOn")).containsExactly("X");
        assertThat(feed(employeeIn(null), topic).getList("items[0].sharedOn")).isEmpty();
    }

    @Test
    void one_post_of_my_feed_reads_as_the_feed_shows_it_and_a_post_not_in_my_feed_is_404() {
        String topic = "t-" + unique();
        String sales = "Sales " + unique();
        Person seller = employeeIn(sales);
        String forSales = publish(draftAbout(topic, List.of(sales)));
        as(seller.token()).body(Map.of("network", "X")).post("/api/posts/" + forSales + "/shares").then()
                .statusCode(201);

        Map<String, Object> one = as(seller.token()).get("/api/feed/" + forSales).then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getMap("");
        assertThat(one).isEqualTo(feed(seller, topic).getMap("items[0]"));
        assertThat(one.get("sharedOn")).isEqualTo(List.of("X"));

        // another team's post, a draft, an unknown or malformed id
        as(employeeIn(null).token()).get("/api/feed/" + forSales).then().statusCode(404)
                .contentType("application/problem+json");
        String draft = create(marketer(), draftAbout(topic, List.of()));
        for (String other : List.of(draft, UUID.randomUUID().toString(), "not-a-post")) {
            as(seller.token()).get("/api/feed/" + other).then().statusCode(404);
        }
        given().get("/api/feed/" + forSales).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_post_that_expired_is_404_on_its_own_too() {
        Person reader = employeeIn(null);
        Map<String, Object> shortLived = draftAbout("t-" + unique(), List.of());
        shortLived.put("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString());
        String expiring = publish(shortLived);
        as(reader.token()).get("/api/feed/" + expiring).then().statusCode(200).body("postId", equalTo(expiring));

        clock.advance(Duration.ofHours(2));
        as(reader.token()).get("/api/feed/" + expiring).then().statusCode(404).contentType("application/problem+json");
    }

    private static String sharedPath(Person who, String postId, String network) {
        String trackedUrl = as(who.token()).body(Map.of("network", network)).post("/api/posts/" + postId + "/shares")
                .then().statusCode(201).extract().path("trackedUrl");
        return trackedUrl.substring(trackedUrl.indexOf("/s/"));
    }

    private static void click(String path, String userAgent) {
        given().redirects().follow(false).header("User-Agent", userAgent).get(path).then().statusCode(302);
    }

    private static Map<String, Integer> myClicks(Person who, String topic) {
        return feed(who, topic).getMap("items[0].myClicks", String.class, Integer.class);
    }

    @Test
    void an_item_counts_the_clicks_on_the_callers_own_links_and_not_on_colleagues() {
        String topic = "t-" + unique();
        Person reader = employeeIn(null);
        Person colleague = employeeIn(null);
        String id = publish(draftAbout(topic, List.of()));
        String mine = sharedPath(reader, id, "X");
        sharedPath(reader, id, "LINKEDIN");
        String theirs = sharedPath(colleague, id, "X");
        click(mine, "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36");
        click(mine, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        click(mine, "Twitterbot/1.0"); // a preview: redirected, not counted
        click(theirs, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");

        await().atMost(Duration.ofSeconds(20)).until(() -> myClicks(reader, topic).getOrDefault("X", 0) == 2
                && myClicks(colleague, topic).getOrDefault("X", 0) == 1);
        assertThat(myClicks(reader, topic)).containsExactly(Map.entry("LINKEDIN", 0), Map.entry("X", 2));
        assertThat(myClicks(colleague, topic)).containsExactly(Map.entry("X", 1));
        assertThat(myClicks(employeeIn(null), topic)).isEmpty();
    }

    @Test
    void caption_variants_are_stable_per_employee_and_spread_across_colleagues() {
        String topic = "t-" + unique();
        Map<String, Object> body = draftAbout(topic, List.of());
        body.put("captions", List.of(Map.of("network", "LINKEDIN", "text", "En"), Map.of("network", "LINKEDIN", "text", "To"),
                Map.of("network", "LINKEDIN", "text", "Tre")));
        publish(body);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            Person colleague = employeeIn(null);
            String first = feed(colleague, topic).getString("items[0].captions.LINKEDIN");
            assertThat(feed(colleague, topic).getString("items[0].captions.LINKEDIN")).isEqualTo(first);
            seen.add(first);
        }
        assertThat(seen).containsExactlyInAnyOrder("En", "To", "Tre");
    }

    @Test
    void the_feed_pages_newest_first_and_a_post_published_meanwhile_does_not_shift_the_pages() {
        String topic = "t-" + unique();
        Person reader = employeeIn(null);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(0, publish(draftAbout(topic, List.of())));
        }
        JsonPath first = as(reader.token()).queryParam("topic", topic).queryParam("limit", 2).get("/api/feed").then()
                .statusCode(200).extract().jsonPath();
        String fresh = publish(draftAbout(topic, List.of()));

        List<String> seen = new ArrayList<>(first.getList("items.postId", String.class));
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = as(reader.token()).queryParam("topic", topic).queryParam("limit", 2)
                    .queryParam("cursor", cursor).get("/api/feed").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.postId", String.class));
            cursor = page.getString("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(published).doesNotContain(fresh);
        assertThat(feed(reader, topic).getList("items.postId", String.class).get(0)).isEqualTo(fresh);
    }

    @Test
    void the_topics_of_my_feed_come_with_how_many_of_its_posts_have_each_the_most_first() {
        String sales = "Sales " + unique();
        Person seller = employeeIn(sales);
        String support = "Support " + unique();
        employeeIn(support);
        String common = "t-" + unique();
        String rare = "t-" + unique();
        String otherTeams = "t-" + unique();
        String expired = "t-" + unique();
        String draft = "t-" + unique();
        publish(draftAbout(common, List.of()));
        // as a hashtag in capitals: the same topic ("##T-…" beside "#t-…" in the feed's bar before)
        Map<String, Object> both = draft("topics", List.of(rare, " #" + common.toUpperCase(java.util.Locale.ROOT) + " "));
        both.put("audience", Map.of("teams", List.of(sales)));
        publish(both);
        publish(draftAbout(otherTeams, List.of(support)));
        Map<String, Object> shortLived = draftAbout(expired, List.of());
        shortLived.put("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString());
        publish(shortLived);
        create(marketer(), draftAbout(draft, List.of()));
        clock.advance(Duration.ofHours(2));

        List<Map<String, Object>> topics = as(seller.token()).queryParam("limit", 100).get("/api/feed/topics").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(topics).contains(Map.of("topic", common, "posts", 2), Map.of("topic", rare, "posts", 1));
        assertThat(topics.indexOf(Map.of("topic", common, "posts", 2)))
                .isLessThan(topics.indexOf(Map.of("topic", rare, "posts", 1)));
        assertThat(topics).extracting(t -> t.get("topic")).doesNotContain(otherTeams, expired, draft);
        assertThat(as(seller.token()).queryParam("topic", "#" + common).get("/api/feed").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(2);
        // someone outside the team sees only the post for everyone
        assertThat(as(employeeIn(null).token()).queryParam("limit", 100).get("/api/feed/topics").then().statusCode(200)
                .extract().jsonPath().getList("", Map.class))
                .contains(Map.of("topic", common, "posts", 1)).extracting(t -> t.get("topic")).doesNotContain(rare);
        assertThat(as(seller.token()).queryParam("limit", 1).get("/api/feed/topics").then().statusCode(200)
                .extract().jsonPath().getList("")).hasSize(1);
    }

    @Test
    void a_topic_is_one_topic_whatever_spaces_it_is_written_with() {
        String topic = "employer branding " + unique();
        String pasted = publish(draft("topics", List.of(topic.replace(' ', '\u00a0')))); // from a document
        String typed = publish(draft("topics", List.of("#" + topic.replace(" ", "  ") + "\t")));
        Person reader = employeeIn(null);

        assertThat(as(reader.token()).queryParam("limit", 100).get("/api/feed/topics").then().statusCode(200)
                .extract().jsonPath().getList("", Map.class)).contains(Map.of("topic", topic, "posts", 2));
        assertThat(feed(reader, topic.replace(" ", "\u2003")).getList("items.postId", String.class))
                .containsExactlyInAnyOrder(pasted, typed);
        as(marketer()).get("/api/posts/" + pasted).then().statusCode(200).body("topics", contains(topic));
    }

    @Test
    void bad_limits_for_the_topics_are_400_naming_the_parameter_and_they_need_a_token() {
        String token = employeeIn(null).token();
        for (String bad : List.of("0", "101", "ten")) {
            as(token).queryParam("limit", bad).get("/api/feed/topics").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        }
        given().get("/api/feed/topics").then().statusCode(401).contentType("application/problem+json");
        // every role is an employee's too
        as(marketer()).get("/api/feed/topics").then().statusCode(200);
    }

    @Test
    void bad_paging_and_filters_are_400_naming_the_parameter() {
        String token = employeeIn(null).token();
        as(token).queryParam("limit", 0).get("/api/feed").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        as(token).queryParam("limit", 101).get("/api/feed").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        for (String notANumber : List.of("abc", "2.5", "1e2", "99999999999")) {
            as(token).queryParam("limit", notANumber).get("/api/feed").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("limit"))
                    .body("violations[0].message", equalTo("must be a whole number"));
        }
        as(token).queryParam("limit", "").get("/api/feed").then().statusCode(200); // as if not given
        as(token).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/feed").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        as(token).queryParam("topic", "x".repeat(51)).get("/api/feed").then().statusCode(400)
                .body("violations[0].field", equalTo("topic"));
        as(token).queryParam("topic", "x\u0000y").get("/api/feed").then().statusCode(400) // went on to SQL: a 500
                .contentType("application/problem+json").body("violations[0].field", equalTo("topic"));
        // given twice, the first was taken and the second dropped without a word
        as(token).queryParam("topic", "hiring", "product").get("/api/feed").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("topic"))
                .body("violations[0].message", equalTo("is given more than once"));
        as(token).queryParam("limit", 5, 5).get("/api/feed").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void the_feed_needs_a_token() {
        given().get("/api/feed").then().statusCode(401).contentType("application/problem+json");
    }
}
