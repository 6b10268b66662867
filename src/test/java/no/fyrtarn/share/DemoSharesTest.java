package no.fyrtarn.share;

import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.login;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.marketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.directory.DemoData;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.EmployeeRow;
import no.fyrtarn.post.DemoPosts;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostRequest;

/**
 * The local run's demo company at work: its planned shares and clicks, run on a copy of the demo organisation and its
 * posts (its own e-mail domain and team names, the posts for everyone shown to its three teams only, so that no
 * other test's feed or board sees them), go through Kafka into points, the leaders' flags and the posts' stats; and
 * the studio has a post waiting for review and a draft.
 */
@QuarkusTest
class DemoSharesTest {

    @Inject
    DemoShares demo;

    @Inject
    DemoPosts posts;

    @Inject
    DirectoryService directory;

    @Test
    void the_demo_company_shows_each_leader_flag_a_board_with_points_and_the_posts_stats() {
        String domain = "demo-" + unique() + ".test.fyrtarn.no";
        String suffix = " " + unique();
        List<String> teams = Stream.of("Sales", "Engineering", "Support").map(team -> team + suffix).toList();
        List<EmployeeRow> people = DemoData.rows(domain, team -> team + suffix);
        directory.upsert(people, null);
        try {
            runsAsPlanned(domain, suffix, teams, people);
        } finally { // off the boards and the leaders' view, where other tests look for their own people
            people.forEach(row -> directory.member(row.email()).ifPresent(m -> directory.leave(m.employeeId(), null)));
        }
    }

    private void runsAsPlanned(String domain, String suffix, List<String> teams, List<EmployeeRow> people) {
        posts.load(domain, post -> forTeams(post, teams, suffix));

        List<DemoShares.Planned> plan = new ArrayList<>(DemoShares.PLAN);
        plan.add(new DemoShares.Planned("nobody", DemoPosts.HIRING, Network.LINKEDIN, 3)); // not in the directory
        plan.add(new DemoShares.Planned("ola.nordmann", DemoPosts.BLOG, Network.LINKEDIN, 3)); // not for Sales
        plan.add(new DemoShares.Planned("ola.nordmann", DemoPosts.LAUNCH, Network.FACEBOOK, 3)); // not on Facebook
        assertThat(demo.load(plan, domain)).isEqualTo(DemoShares.PLAN.size());

        String marketing = marketer();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> flags = leaders(marketing, teams).stream()
                    .collect(Collectors.toMap(l -> l.get("team"), l -> l.get("flag")));
            assertThat(flags).containsExactlyInAnyOrderEntriesOf(Map.of("Sales" + suffix, "LEADS_BY_EXAMPLE",
                    "Engineering" + suffix, "NEEDS_ATTENTION", "Support" + suffix, "ON_TRACK"));
        });
        // every planned click counted once, as a real one: a share's 10 points and a point per click
        Map<String, String> names = people.stream()
                .collect(Collectors.toMap(EmployeeRow::name, row -> row.email().split("@")[0]));
        Map<String, Integer> planned = DemoShares.PLAN.stream().collect(Collectors.groupingBy(DemoShares.Planned::who,
                Collectors.summingInt(p -> 10 + p.clicks())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(board(marketing, teams, names))
                .containsExactlyInAnyOrderEntriesOf(planned));

        String caseStudy = as(login("kari.hansen@" + domain)).get("/api/feed").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.title == '" + DemoPosts.CASE + "' }.postId");
        JsonPath stats = as(marketing).get("/api/posts/" + caseStudy).then().statusCode(200).extract().jsonPath();
        var shared = DemoShares.PLAN.stream().filter(p -> p.title().equals(DemoPosts.CASE)).toList();
        assertThat(stats.getInt("stats.shares")).isEqualTo(shared.size());
        assertThat(stats.getInt("stats.clicks")).isEqualTo(shared.stream().mapToInt(DemoShares.Planned::clicks).sum());

        // the studio's work to do: marketing's post waits for the editor, who may approve it, and the editor's draft
        String author = login("marketing@" + domain), editor = login("editor@" + domain);
        String waiting = newest(editor, "IN_REVIEW", DemoPosts.IN_REVIEW, domain, "marketing");
        as(author).post("/api/posts/" + waiting + "/approve").then().statusCode(403);
        as(editor).post("/api/posts/" + waiting + "/approve").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        newest(editor, "DRAFT", DemoPosts.DRAFT, domain, "editor");
    }

    /** The id of the newest post in this status with this title, checking that the copy's {@code author} wrote it. */
    private String newest(String token, String status, String title, String domain, String author) {
        Map<String, Object> post = as(token).queryParam("status", status).queryParam("limit", 100).get("/api/posts")
                .then().statusCode(200).extract().jsonPath().getMap("items.find { it.title == '" + title + "' }");
        String authorId = directory.member(author + "@" + domain).orElseThrow().employeeId().toString();
        assertThat(post).as("a post '%s' in %s", title, status).isNotNull().containsEntry("authorId", authorId);
        return (String) post.get("id");
    }

    /** The post for the copy's teams: those it names, each renamed, and all three where it is for everyone. */
    private static PostRequest forTeams(PostRequest post, List<String> teams, String suffix) {
        List<String> audience = post.audience() == null || post.audience().teams().isEmpty() ? teams
                : post.audience().teams().stream().map(team -> team + suffix).toList();
        return new PostRequest(post.title(), post.body(), post.url(), post.topics(), post.networks(), post.captions(),
                new PostRequest.Audience(audience), post.campaign(), post.language(), post.publishAt(),
                post.expiresAt());
    }

    private static List<Map<String, String>> leaders(String token, List<String> teams) {
        List<Map<String, String>> all = as(token).get("/api/leaders?period=week").then().statusCode(200).extract()
                .jsonPath().getList("");
        return all.stream().filter(leader -> teams.contains(leader.get("team"))).toList();
    }

    /** This week's points of each of the copy's people who has any: local part → points. */
    private static Map<String, Integer> board(String token, List<String> teams, Map<String, String> localParts) {
        Map<String, Integer> points = new HashMap<>();
        for (String team : teams) {
            JsonPath board = as(token).queryParam("period", "week").queryParam("scope", "team")
                    .queryParam("team", team).queryParam("limit", 100).get("/api/leaderboard").then().statusCode(200)
                    .extract().jsonPath();
            for (Map<?, ?> entry : board.getList("entries", Map.class)) {
                int earned = ((Number) entry.get("points")).intValue();
                if (earned > 0) {
                    points.put(localParts.get((String) entry.get("name")), earned);
                }
            }
        }
        return points;
    }
}
