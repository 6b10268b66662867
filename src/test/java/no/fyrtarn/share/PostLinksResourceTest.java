package no.fyrtarn.share;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.adminToken;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.importEmployees;
import static no.fyrtarn.testing.Api.token;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.create;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.fyrtarn.testing.Api.Person;

/** GET /api/posts/{id}/links: who shared a post where, and the clicks each link counted. */
@QuarkusTest
class PostLinksResourceTest {

    private static String share(Person who, String postId, String network) {
        return as(who.token()).body(Map.of("network", network)).post("/api/posts/" + postId + "/shares").then()
                .statusCode(201).extract().path("trackedUrl");
    }

    private static void click(String trackedUrl, int clients) {
        String path = trackedUrl.substring(trackedUrl.indexOf("/s/"));
        for (int i = 0; i < clients; i++) {
            given().redirects().follow(false).header("User-Agent", "Mozilla/5.0 (client " + i + ") Firefox/128.0")
                    .get(path).then().statusCode(302);
        }
    }

    private static JsonPath links(String postId, String query) {
        return as(marketer()).get("/api/posts/" + postId + "/links" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    /** A post with three links: Ida's on LinkedIn (shared twice, 2 clicks), on X (no clicks), Ola's (3 clicks). */
    private record Shared(String postId, Person ida, Person ola, String idaLinkedIn, String idaX, String olaLinkedIn) {
        static Shared make() {
            String team = "Salg " + unique();
            Person ida = employeeIn(team);
            Person ola = employeeIn(null);
            String postId = publish(draft());
            String idaLinkedIn = share(ida, postId, "LINKEDIN");
            assertThat(share(ida, postId, "LINKEDIN")).isEqualTo(idaLinkedIn);
            String idaX = share(ida, postId, "X");
            String olaLinkedIn = share(ola, postId, "LINKEDIN");
            click(idaLinkedIn, 2);
            click(olaLinkedIn, 3);
            click(idaX, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> as(marketer()).get("/api/posts/" + postId).then()
                    .extract().jsonPath().getLong("stats.clicks") == 5);
            return new Shared(postId, ida, ola, idaLinkedIn, idaX, olaLinkedIn);
        }
    }

    @Test
    void a_posts_etag_is_its_version_so_its_stats_come_fresh_whatever_if_none_match_says() {
        String postId = publish(draft());
        String marketing = marketer();
        String etag = as(marketing).get("/api/posts/" + postId).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().header("ETag");
        click(share(employeeIn(null), postId, "LINKEDIN"), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(marketing).header("If-None-Match", etag)
                .get("/api/posts/" + postId).then().statusCode(200).header("ETag", etag).extract().jsonPath()
                .getLong("stats.clicks") == 1);
    }

    @Test
    void marketing_sees_each_link_with_its_shares_and_clicks_most_clicked_first() {
        Shared s = Shared.make();
        JsonPath page = links(s.postId(), "");

        assertThat(page.getList("items.trackedUrl")).containsExactly(s.olaLinkedIn(), s.idaLinkedIn(), s.idaX());
        assertThat(page.getList("items.clicks", Integer.class)).containsExactly(3, 2, 0);
        assertThat(page.getList("items.shares", Integer.class)).containsExactly(1, 2, 1);
        assertThat(page.getList("items.network")).containsExactly("LINKEDIN", "LINKEDIN", "X");
        assertThat(page.getList("items.employeeId")).containsExactly(s.ola().employeeId(), s.ida().employeeId(),
                s.ida().employeeId());
        assertThat(page.getString("items[1].name")).isEqualTo("Ansatt " + s.ida().email());
        assertThat(page.getString("items[1].team")).startsWith("Salg ");
        assertThat(page.getString("items[0].team")).isNull();
        assertThat(page.getString("items[1].firstSharedAt")).isNotBlank();
        assertThat(page.getString("nextCursor")).isNull();
        // names, not e-mail addresses
        assertThat(page.getMap("items[0]")).doesNotContainKey("email");
        // admins too
        as(adminToken()).get("/api/posts/" + s.postId() + "/links").then().statusCode(200)
                .body("items.size()", equalTo(3));
    }

    @Test
    void marketing_downloads_every_link_as_csv_in_the_same_order() {
        Shared s = Shared.make();
        // someone whose name a spreadsheet would read as a formula, with a comma and quotes in it
        String email = "formel-" + unique() + "@test.fyrtarn.no";
        importEmployees(List.of(Map.of("email", email, "name", "=HYPERLINK(\"x\"), Ola")));
        share(new Person(email, token(email, "employee")), s.postId(), "X");

        var response = as(marketer()).get("/api/posts/" + s.postId() + "/links.csv");
        response.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"post-" + s.postId() + "-links.csv\"");
        // the byte order mark first: without it Excel reads UTF-8 as its own code page, "Ã¸" for "ø" in a name
        assertThat(response.asByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(response.asString().substring(1).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("employeeId,name,team,network,shares,clicks,firstSharedAt,trackedUrl");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith(s.ola().employeeId() + ",Ansatt " + s.ola().email() + ",,LINKEDIN,1,3,")
                .endsWith("," + s.olaLinkedIn());
        assertThat(lines.get(2)).startsWith(s.ida().employeeId() + ",Ansatt " + s.ida().email() + ",Salg ")
                .contains(",LINKEDIN,2,2,").endsWith("," + s.idaLinkedIn());
        assertThat(lines.subList(3, 5)).anySatisfy(line -> assertThat(line).contains(",X,1,0,").endsWith("," + s.idaX()))
                .anySatisfy(line -> assertThat(line).contains(",\"'=HYPERLINK(\"\"x\"\"), Ola\",,X,1,0,"));

        // for Excel in Norwegian or Swedish, which splits columns at semicolons
        String semicolons = as(marketer()).get("/api/posts/" + s.postId() + "/links.csv?separator=semicolon").then()
                .statusCode(200).extract().asString();
        assertThat(semicolons)
                .startsWith("\uFEFFemployeeId;name;team;network;shares;clicks;firstSharedAt;trackedUrl\r\n")
                .contains(s.ola().employeeId() + ";Ansatt " + s.ola().email() + ";;LINKEDIN;1;3;")
                .contains(";\"'=HYPERLINK(\"\"x\"\"), Ola\";;X;1;0;");
        as(marketer()).get("/api/posts/" + s.postId() + "/links.csv?separator=tab").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("separator"));

        as(marketer()).get("/api/posts/" + UUID.randomUUID() + "/links.csv").then().statusCode(404);
        as(employeeIn(null).token()).get("/api/posts/" + s.postId() + "/links.csv").then().statusCode(403);
    }

    @Test
    void the_posts_stats_split_the_same_shares_and_clicks_by_network() {
        Shared s = Shared.make();
        JsonPath post = as(marketer()).get("/api/posts/" + s.postId()).then().statusCode(200).extract().jsonPath();
        assertThat(post.getLong("stats.shares")).isEqualTo(4);
        assertThat(post.getLong("stats.clicks")).isEqualTo(5);
        assertThat(post.getMap("stats.byNetwork")).containsOnlyKeys("LINKEDIN", "X");
        assertThat(post.getMap("stats.byNetwork.LINKEDIN")).isEqualTo(Map.of("shares", 3, "clicks", 5));
        assertThat(post.getMap("stats.byNetwork.X")).isEqualTo(Map.of("shares", 1, "clicks", 0));
        // a post nobody shared: no networks
        assertThat(as(marketer()).get("/api/posts/" + publish(draft())).then().extract().jsonPath()
                .getMap("stats.byNetwork")).isEmpty();
    }

    @Test
    void the_links_page_by_cursor_in_the_same_order() {
        Shared s = Shared.make();
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonPath page = links(s.postId(), "?limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            seen.addAll(page.getList("items.trackedUrl"));
            cursor = page.getString("nextCursor") == null ? "" : page.getString("nextCursor");
            pages++;
        } while (!cursor.isEmpty() && pages < 10);
        assertThat(seen).containsExactly(s.olaLinkedIn(), s.idaLinkedIn(), s.idaX());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_post_nobody_shared_has_no_links_and_an_unknown_post_is_404() {
        assertThat(links(create(marketer(), draft()), "").getList("items")).isEmpty();
        as(marketer()).get("/api/posts/" + UUID.randomUUID() + "/links").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void bad_paging_is_400_naming_the_parameter() {
        String postId = publish(draft());
        for (String query : List.of("?limit=0", "?limit=101", "?limit=many")) {
            as(marketer()).get("/api/posts/" + postId + "/links" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        }
        as(marketer()).get("/api/posts/" + postId + "/links?cursor=bm90IG91cnM").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void only_marketing_and_admins_may_read_the_links() {
        String postId = publish(draft());
        Person employee = employeeIn(null);
        share(employee, postId, "X");
        String leader = token("leader-" + unique() + "@test.fyrtarn.no", "employee", "leader");
        for (String path : List.of("/links", "/links.csv")) {
            as(employee.token()).get("/api/posts/" + postId + path).then().statusCode(403);
            as(leader).get("/api/posts/" + postId + path).then().statusCode(403);
            given().get("/api/posts/" + postId + path).then().statusCode(401);
            as(adminToken()).get("/api/posts/" + postId + path).then().statusCode(200);
        }
    }
}
