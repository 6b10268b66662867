package no.fyrtarn.gamification;

import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.atOnce;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Game.awaitTotal;
import static no.fyrtarn.testing.Game.share;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.fyrtarn.testing.Api.Person;

@QuarkusTest
class RulesResourceTest {

    private static final Map<String, Object> DEFAULTS = rules(10, 50, 1, 100, 25, 75);

    private static Map<String, Object> rules(int share, Integer shareCap, int click, Integer clickCap, int suggestion,
            Integer suggestionCap) {
        return Map.of("share", rule(share, shareCap), "click", rule(click, clickCap), "suggestion",
                rule(suggestion, suggestionCap));
    }

    private static Map<String, Object> rule(int points, Integer cap) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("points", points);
        rule.put("dailyCap", cap);
        return rule;
    }

    @AfterEach
    void restoreDefaults() {
        as(adminToken()).body(DEFAULTS).put("/api/admin/rules").then().statusCode(200);
    }

    @Test
    void only_admins_read_and_change_the_rules() {
        String employee = employeeIn(null).token();
        as(employee).get("/api/admin/rules").then().statusCode(403);
        as(marketer()).body(DEFAULTS).put("/api/admin/rules").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/admin/rules").then().statusCode(401);
        as(adminToken()).get("/api/admin/rules").then().statusCode(200).body("share.points", equalTo(10))
                .body("click.points", equalTo(1)).body("suggestion.points", equalTo(25));
    }

    @Test
    void bad_rules_are_a_400_naming_the_field_and_change_nothing() {
        int version = as(adminToken()).get("/api/admin/rules").then().extract().path("version");
        Map<String, Object> bad = new HashMap<>(DEFAULTS);
        bad.put("share", rule(-1, 50));
        as(adminToken()).body(bad).put("/api/admin/rules").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("share.points"));
        bad = new HashMap<>(DEFAULTS);
        bad.put("share", Map.of("points", 10.5, "dailyCap", 50)); // not quietly 10
        as(adminToken()).body(bad).put("/api/admin/rules").then().statusCode(400)
                .body("violations.field", hasItem("share.points"));
        bad = new HashMap<>(DEFAULTS);
        bad.remove("click");
        as(adminToken()).body(bad).put("/api/admin/rules").then().statusCode(400)
                .body("violations.field", hasItem("click"));
        as(adminToken()).get("/api/admin/rules").then().body("version", equalTo(version));
    }

    @Test
    void concurrent_changes_make_one_version_each() throws Exception {
        String admin = adminToken();
        int before = as(admin).get("/api/admin/rules").then().extract().path("version");
        List<Callable<Response>> changes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int points = 10 + i;
            changes.add(() -> as(admin).body(rules(points, 50, 1, 100, 25, 75)).put("/api/admin/rules"));
        }
        List<Response> responses = atOnce(changes);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(responses).extracting(r -> r.jsonPath().getInt("version"))
                .containsExactlyInAnyOrder(before + 1, before + 2, before + 3, before + 4, before + 5, before + 6);
        as(admin).get("/api/admin/rules").then().body("version", equalTo(before + 6));
    }

    @Test
    void a_rule_change_applies_to_later_shares_only() {
        Person sharer = employeeIn(null);
        share(sharer.token(), publish(draft()), "LINKEDIN");
        as(adminToken()).body(rules(3, null, 1, 100, 25, 75)).put("/api/admin/rules").then().statusCode(200)
                .body("share.points", equalTo(3));
        share(sharer.token(), publish(draft()), "LINKEDIN");

        assertThat(awaitTotal(sharer.token(), 13)).isEqualTo(13);
        List<Integer> lines = as(sharer.token()).get("/api/me/points").then().extract().path("items.points");
        assertThat(lines).containsExactly(3, 10);
    }

    @Test
    void the_daily_cap_stops_points_but_not_the_count_of_shares() {
        as(adminToken()).body(rules(10, 15, 1, 100, 25, 75)).put("/api/admin/rules").then().statusCode(200);
        Person sharer = employeeIn(null);
        for (int i = 0; i < 3; i++) {
            share(sharer.token(), publish(draft()), "LINKEDIN");
        }
        assertThat(awaitTotal(sharer.token(), 15)).isEqualTo(15);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> shares(sharer) == 3);
        List<Map<String, Object>> lines = as(sharer.token()).get("/api/me/points").then().extract().path("items");
        assertThat(lines).extracting(l -> l.get("points")).containsExactly(5, 10);
        assertThat(lines).extracting(l -> l.get("capped")).containsExactly(true, false);
        assertThat((String) lines.get(0).get("reason")).contains("daily cap reached");
        // the page of my points lists the share the cap left at nought too, and marks the two the cap cut
        String page = myPoints(sharer);
        assertThat(page.split("</time>\\s*<span class=\"num\">", -1)).hasSize(4);
        assertThat(page.split("\\(dagens grense var nådd\\)", -1)).hasSize(3);
    }

    @Test
    void the_page_of_my_points_counts_a_days_clicks_past_the_cap_on_the_links_one_line() {
        as(adminToken()).body(rules(10, 50, 1, 2, 25, 75)).put("/api/admin/rules").then().statusCode(200);
        Person sharer = employeeIn(null);
        Map<String, Object> post = draft();
        String url = share(sharer.token(), publish(post), "X").getString("trackedUrl");
        for (int i = 0; i < 3; i++) {
            io.restassured.RestAssured.given().redirects().follow(false)
                    .header("User-Agent", "Mozilla/5.0 (Android 14) Chrome/131.0." + i)
                    .get(url.substring(url.indexOf("/s/"))).then().statusCode(302);
        }
        String line = "3 klikk på X-lenken min til «" + post.get("title")
                + "» <span class=\"muted\">(dagens grense var nådd)</span></span>";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> myPoints(sharer)
                .contains(line));
        assertThat(myPoints(sharer)).containsPattern(java.util.regex.Pattern.quote(line)
                + "\\s*<time[^>]*>[^<]*</time>\\s*<span class=\"num\">\\+2</span>");
        // the API lists the two clicks that earned a point, and not the third
        List<String> actions = as(sharer.token()).get("/api/me/points").then().extract().path("items.action");
        assertThat(actions).containsExactly("CLICK", "CLICK", "SHARE");
    }

    private static String myPoints(Person who) {
        return as(who.token()).accept("text/html").header("Accept-Language", "nb").get("/points").then()
                .statusCode(200).extract().asString();
    }

    private static int shares(Person who) {
        return as(who.token()).queryParam("scope", "company").queryParam("limit", 100).get("/api/leaderboard").then()
                .statusCode(200).extract().jsonPath().getList("entries", Map.class).stream()
                .filter(e -> e.get("name").equals("Ansatt " + who.email())).mapToInt(e -> (Integer) e.get("shares"))
                .findFirst().orElse(0);
    }
}
