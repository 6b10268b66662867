package no.fyrtarn.web;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.draftAbout;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.fyrtarn.infra.Hashes;
import no.fyrtarn.testing.Api;
import no.fyrtarn.testing.Team;

/** The pages' session, CSRF, roles and languages, over plain HTTP (the browser tests cover what people see). */
@QuarkusTest
class PagesTest {

    @jakarta.inject.Inject
    no.fyrtarn.testing.MovableClock clock;

    /** The cookies a login through the form sets. */
    record Session(String token, String csrf) {
        static Session of(String email) {
            Response r = io.restassured.RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("email", email).formParam("next", "/leaderboard").post("/login");
            r.then().statusCode(303);
            assertThat(r.getHeader("Location")).endsWith("/leaderboard");
            return new Session(r.getCookie("fyrtarn_token"), r.getCookie("fyrtarn_csrf"));
        }

        io.restassured.specification.RequestSpecification given() {
            return io.restassured.RestAssured.given().redirects().follow(false).cookie("fyrtarn_token", token)
                    .cookie("fyrtarn_csrf", csrf);
        }
    }

    @Test
    void pages_without_a_session_send_you_to_the_login_and_back() {
        for (String page : List.of("/", "/leaderboard?period=month", "/leaders", "/feed/standing",
                "/feed/reach/" + java.util.UUID.randomUUID(), "/points", "/points/lines")) {
            given().redirects().follow(false).get(page).then().statusCode(303)
                    .header("Location", endsWithPath("/login?next=" + java.net.URLEncoder.encode(page,
                            java.nio.charset.StandardCharsets.UTF_8)));
        }
        // a bad cookie (expired, foreign key) also goes to the login, and the cookie is removed
        Response r = given().redirects().follow(false).cookie("fyrtarn_token", "not.a.token").get("/");
        r.then().statusCode(303).header("Location", containsString("/login"));
        assertThat(r.getDetailedCookie("fyrtarn_token").getMaxAge()).isZero();
        // and the login itself opens with one (a bookmark, a browser that kept it): it was a 500
        given().redirects().follow(false).cookie("fyrtarn_token", "not.a.token").get("/login").then().statusCode(200)
                .header("Content-Type", "text/html;charset=UTF-8").body(containsString("name=\"email\""));
        // the API keeps answering problem+json
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_form_sent_after_the_session_ran_out_leads_through_the_login_back_to_the_forms_page() {
        String here = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port; // as the Host says
        // the new post's form is on /studio/new and posts to /studio, the list of posts
        given().redirects().follow(false).header("Referer", here + "/studio/new?from=menu")
                .contentType(ContentType.URLENC).formParam("title", "Skrevet lenge").post("/studio").then()
                .statusCode(303).header("Location", endsWithPath("/login?next=%2Fstudio%2Fnew%3Ffrom%3Dmenu"));
        // behind a proxy that names this host otherwise, the browser's word that the form is this site's
        given().redirects().follow(false).header("Referer", "https://fyrtarn.example.com/studio/new")
                .header("Sec-Fetch-Site", "same-origin").contentType(ContentType.URLENC).formParam("title", "T")
                .post("/studio").then().statusCode(303).header("Location", endsWithPath("/login?next=%2Fstudio%2Fnew"));
        // another site's page, an address that is none, or no Referer: the address posted to, as before
        for (String referer : List.of("https://evil.example/studio/new", "http://[broken/studio/new", "")) {
            given().redirects().follow(false).header("Referer", referer).contentType(ContentType.URLENC)
                    .formParam("title", "T").post("/studio").then().statusCode(303)
                    .header("Location", endsWithPath("/login?next=%2Fstudio"));
        }
        // a page opened (GET) goes back to itself whatever page linked to it
        given().redirects().follow(false).header("Referer", here + "/studio/new").get("/leaderboard").then()
                .statusCode(303).header("Location", endsWithPath("/login?next=%2Fleaderboard"));
    }

    @Test
    void pages_are_for_the_signed_in_person_only_and_no_shared_cache_keeps_them() {
        Session employee = Session.of(employeeIn(null).email());
        for (String page : List.of("/", "/feed/standing", "/feed/reach/" + java.util.UUID.randomUUID(), "/leaderboard",
                "/leaderboard/table", "/leaderboard/chart", "/points", "/points/lines")) {
            employee.given().get(page).then().statusCode(200).header("Cache-Control", "private, no-cache")
                    // and no other site may frame one to have it clicked through from under its own
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY")
                    // the tests' service is reached over http, as a local run is: nothing to pin (PageHeadersTest)
                    .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
        }
        Session marketer = Session.of(Api.marketerInDirectory());
        marketer.given().get("/studio").then().statusCode(200).header("Cache-Control", "private, no-cache");
        // what is the same for everyone stays cacheable, at an address that changes with its content
        String page = employee.given().get("/").then().extract().asString();
        Matcher css = Pattern.compile("href=\"(/app\\.css\\?v=([0-9a-f]{12}))\"").matcher(page);
        Matcher js = Pattern.compile("src=\"(/app\\.js\\?v=([0-9a-f]{12}))\"").matcher(page);
        assertThat(css.find()).isTrue();
        assertThat(js.find()).isTrue();
        String stylesheet = given().get(css.group(1)).then().statusCode(200)
                .header("Cache-Control", containsString("immutable")).extract().asString();
        String script = given().get(js.group(1)).then().statusCode(200).extract().asString();
        String domains = given().get("/x-tlds.txt").then().statusCode(200).extract().asString();
        assertThat(css.group(2)).isEqualTo(js.group(2))
                .isEqualTo(HexFormat.of().formatHex(Hashes.sha256(stylesheet + script + domains)).substring(0, 12));
    }

    @Test
    void the_apis_answers_to_a_session_cookie_are_kept_by_no_cache_either() {
        // the cookie the pages' script and the studio's CSV link send does not keep a shared cache from storing them
        Session employee = Session.of(employeeIn(null).email());
        for (String path : List.of("/api/me", "/api/me/points", "/api/feed", "/api/leaderboard")) {
            employee.given().get(path).then().statusCode(200).header("Cache-Control", "no-store");
        }
        employee.given().get("/api/posts").then().statusCode(403).header("Cache-Control", "no-store");
        Session marketer = Session.of(Api.marketerInDirectory());
        marketer.given().get("/api/posts/" + publish(draft()) + "/links.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Cache-Control", "no-store");
    }

    @Test
    void a_tap_on_a_link_elsewhere_opens_the_page_again_from_here_so_the_session_comes_along() {
        // the browser leaves the SameSite=Strict session cookie out of a navigation from another site
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .get("/leaderboard?period=month").then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "private, no-cache")
                .body(containsString("<meta http-equiv=\"refresh\" content=\"0;url=/leaderboard?period=month\">"));
        // opened from here (the second time), still without a session: the login, as always
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                .get("/leaderboard?period=month").then().statusCode(303)
                .header("Location", containsString("/login?next="));
        // not for what a page's script fetches, nor for a form sent from elsewhere
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors")
                .get("/leaderboard/table").then().statusCode(303);
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .contentType(ContentType.URLENC).formParam("title", "x").post("/studio").then().statusCode(303);
    }

    /** What a phone's browser sends when someone taps a link. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void a_broken_tracked_link_opened_in_a_browser_is_a_page_that_says_so() {
        // someone on LinkedIn taps a shared link that lost characters on the way: no employee, no session
        given().redirects().follow(false).accept(BROWSER_ACCEPT).get("/s/Zz9Zz9Zz").then().statusCode(404)
                .contentType(ContentType.HTML).header("Location", org.hamcrest.Matchers.nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("This link leads nowhere"), containsString("copied whole"),
                        not(containsString("href=\"/\" class=\"button")), not(containsString("Back to the feed")));
        given().redirects().follow(false).accept(BROWSER_ACCEPT).header("Accept-Language", "nb-NO,nb;q=0.9")
                .get("/s/abc").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Denne lenken fører ingen steder"));
        // programs keep problem+json
        given().redirects().follow(false).get("/s/Zz9Zz9Zz").then().statusCode(404)
                .contentType("application/problem+json");
        given().redirects().follow(false).accept("application/json").get("/s/Zz9Zz9Zz").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void an_unknown_address_in_a_browser_is_a_page_and_the_api_stays_problem_json() {
        given().accept(BROWSER_ACCEPT).get("/no-such-page").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Not found"), containsString("Back to the feed"));
        given().accept(BROWSER_ACCEPT).get("/logout").then().statusCode(405).contentType(ContentType.HTML)
                .body(containsString("Something in the request is not right"), not(containsString("on our side")));
        given().accept(BROWSER_ACCEPT).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
        // an address under the studio that no page of it has, typed or cut short: it was a 500, signed in or not
        Session marketing = Session.of(Api.marketerInDirectory());
        for (String path : List.of("/studio/drafts/old", "/studio/" + java.util.UUID.randomUUID() + "/live/x")) {
            given().accept(BROWSER_ACCEPT).get(path).then().statusCode(404).contentType(ContentType.HTML)
                    .body(containsString("Not found"));
            marketing.given().accept(BROWSER_ACCEPT).get(path).then().statusCode(404).contentType(ContentType.HTML)
                    .body(containsString("Not found"));
        }
    }

    @Test
    void the_login_form_sets_an_http_only_strict_session_and_a_readable_csrf_cookie() {
        Api.Person person = employeeIn("Salg");
        Response r = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", person.email()).formParam("next", "/leaderboard").post("/login");
        r.then().statusCode(303).header("Location", endsWithPath("/leaderboard"));
        var token = r.getDetailedCookie("fyrtarn_token");
        var csrf = r.getDetailedCookie("fyrtarn_csrf");
        assertThat(token.isHttpOnly()).isTrue();
        assertThat(token.getSameSite()).isEqualTo("Strict");
        assertThat(token.getPath()).isEqualTo("/");
        assertThat(token.getMaxAge()).isEqualTo(3600);
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getSameSite()).isEqualTo("Strict");
        assertThat(csrf.getValue()).hasSizeGreaterThanOrEqualTo(40);

        // the same cookie works for the API's reads
        given().cookie("fyrtarn_token", token.getValue()).get("/api/me").then().statusCode(200)
                .body("email", equalTo(person.email()));
    }

    @Test
    void the_login_refuses_strangers_and_never_redirects_off_site() {
        given().contentType(ContentType.URLENC).formParam("email", "nobody@nowhere.example").post("/login").then()
                .statusCode(401).header("Content-Type", "text/html;charset=UTF-8")
                .body(containsString("Nobody in the directory"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        String email = employeeIn(null).email();
        for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "evil")) {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", email)
                    .formParam("next", next).post("/login").then().statusCode(303).header("Location", endsWithPath("/"));
        }
        given().redirects().follow(false).get("/lang?to=nb&next=//evil.example").then().statusCode(303)
                .header("Location", endsWithPath("/"));
    }

    @Test
    void the_way_back_holds_what_an_address_bar_leaves_unencoded() {
        // a browser sends "|", "{" or "^" in a query as typed, and the page's language switch and login pass the
        // address on: each was a 500 (no URI), and "æ" a Location of raw UTF-8
        String email = employeeIn(null).email();
        Map<String, String> locations = Map.of("/?topic=a|b", "/?topic=a%7Cb", "/leaderboard?x={1}^",
                "/leaderboard?x=%7B1%7D%5E", "/%zz?a=%41", "/%25zz?a=%41", "/bærekraft", "/b%C3%A6rekraft",
                "/\"quoted\"<b>", "/%22quoted%22%3Cb%3E");
        locations.forEach((next, location) -> {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", email)
                    .formParam("next", next).post("/login").then().statusCode(303)
                    .header("Location", endsWithPath(location));
            given().redirects().follow(false).queryParam("to", "sv").queryParam("next", next).get("/lang").then()
                    .statusCode(303).header("Location", endsWithPath(location));
            given().queryParam("next", next).get("/login").then().statusCode(200)
                    .body(containsString("value=\"" + location + "\""));
        });
    }

    @Test
    void a_state_changing_request_on_the_session_cookie_needs_the_csrf_token() {
        Api.Person person = employeeIn(null);
        Session session = Session.of(person.email());
        String post = publish(draft());
        String body = "{\"network\": \"LINKEDIN\"}";

        session.given().contentType(ContentType.JSON).body(body).post("/api/posts/" + post + "/shares").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("CSRF"));
        session.given().contentType(ContentType.JSON).header("X-CSRF-Token", "forged").body(body)
                .post("/api/posts/" + post + "/shares").then().statusCode(403);
        assertThat(sharedOn(person, post)).isEmpty();

        session.given().contentType(ContentType.JSON).header("X-CSRF-Token", session.csrf()).body(body)
                .post("/api/posts/" + post + "/shares").then().statusCode(201);
        assertThat(sharedOn(person, post)).containsExactly("LINKEDIN");
        // a browser that says the request comes from another site is refused, however it is authenticated: a
        // gateway in front may add the Authorization header for its own session
        Api.as(person.token()).header("Sec-Fetch-Site", "cross-site").body("{\"network\": \"X\"}")
                .post("/api/posts/" + post + "/shares").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("another site"));
        session.given().contentType(ContentType.JSON).header("X-CSRF-Token", session.csrf())
                .header("Sec-Fetch-Site", "cross-site").body("{\"network\": \"X\"}")
                .post("/api/posts/" + post + "/shares").then().statusCode(403);
        assertThat(sharedOn(person, post)).containsExactly("LINKEDIN");
        // a bearer token is not sent by browsers on their own: no CSRF token needed
        Api.as(person.token()).header("Sec-Fetch-Site", "same-origin").body("{\"network\": \"X\"}")
                .post("/api/posts/" + post + "/shares").then().statusCode(201);
        // a form: the token in the _csrf field
        session.given().contentType(ContentType.URLENC).formParam("network", "X").post("/share/" + post).then()
                .statusCode(403);
    }

    @Test
    void pages_come_compressed_and_their_forms_carry_the_csrf_token_masked_afresh_each_time() {
        Api.Person person = employeeIn(null);
        Session session = Session.of(person.email());
        String post = publish(draft());
        // a phone that asks for gzip gets the page, its script and its style at about a quarter of their size
        for (String path : List.of("/", "/app.js", "/app.css")) {
            session.given().header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                    .header("Content-Encoding", "gzip");
        }
        // a compressed page must give nothing of the token away however much of the request it echoes (BREACH): its
        // forms carry it masked by a new pad on every page, never as the cookie holds it
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String page = session.given().queryParam("topic", session.csrf()).get("/").then().statusCode(200)
                    .extract().asString();
            Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(field.find()).as("a form with the token").isTrue();
            fields.add(field.group(1));
        }
        assertThat(fields.get(0)).isNotEqualTo(fields.get(1)).isNotEqualTo(session.csrf());
        assertThat(fields.get(1)).isNotEqualTo(session.csrf());
        // either page's form is taken; a masked token altered, or another session's, is not
        String tampered = (fields.get(0).charAt(0) == 'A' ? "B" : "A") + fields.get(0).substring(1);
        String othersField = Session.of(employeeIn(null).email()).given().get("/").then().extract().asString()
                .replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        for (String refused : List.of(tampered, othersField)) {
            session.given().contentType(ContentType.URLENC).formParam("_csrf", refused).formParam("network", "X")
                    .post("/share/" + post).then().statusCode(403);
        }
        assertThat(sharedOn(person, post)).isEmpty();
        session.given().contentType(ContentType.URLENC).formParam("_csrf", fields.get(0)).formParam("network", "X")
                .post("/share/" + post).then().statusCode(303);
        session.given().contentType(ContentType.URLENC).formParam("_csrf", fields.get(1))
                .formParam("network", "LINKEDIN").post("/share/" + post).then().statusCode(303);
        assertThat(sharedOn(person, post)).containsExactlyInAnyOrder("X", "LINKEDIN");
    }

    @Test
    void sharing_without_javascript_records_the_share_and_goes_on_to_the_network() {
        Api.Person person = employeeIn(null);
        Session session = Session.of(person.email());
        String post = publish(draft());
        Response r = session.given().contentType(ContentType.URLENC).formParam("_csrf", session.csrf())
                .formParam("network", "X").formParam("text_X", "Mitt eget innlegg").formParam("key_X", "k-" + post)
                .post("/share/" + post);
        r.then().statusCode(303).header("Location", startsWith("https://x.com/intent/tweet?text=Mitt%20eget%20innlegg"));
        // the same form sent twice (the key) is one share
        session.given().contentType(ContentType.URLENC).formParam("_csrf", session.csrf()).formParam("network", "X")
                .formParam("text_X", "Mitt eget innlegg").formParam("key_X", "k-" + post).post("/share/" + post)
                .then().statusCode(303).header("Location", equalTo(r.getHeader("Location")));
        assertThat(sharedOn(person, post)).containsExactly("X");
        // a post taken down after the feed was loaded: a page that says so, and back to the feed
        String marketer = no.fyrtarn.testing.Posts.marketer();
        Api.as(marketer).post("/api/posts/" + post + "/archive").then().statusCode(200);
        session.given().header("Accept-Language", "sv").contentType(ContentType.URLENC)
                .formParam("_csrf", session.csrf()).formParam("network", "LINKEDIN").post("/share/" + post).then()
                .statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Det här inlägget kan inte längre delas."), containsString("href=\"/\""));
        Api.as(marketer).get("/api/posts/" + post).then().body("stats.shares", equalTo(1));
    }

    @Test
    void a_form_field_with_the_nul_character_is_a_400_page_and_nothing_is_stored() {
        Session session = Session.of(employeeIn(null).email());
        String post = publish(draft());
        // PostgreSQL cannot store it: the share failed with a 500
        session.given().contentType(ContentType.URLENC).formParam("_csrf", session.csrf()).formParam("network", "X")
                .formParam("text_X", "Mitt\u0000innlegg").post("/share/" + post).then().statusCode(400)
                .contentType(ContentType.HTML);
        Api.as(no.fyrtarn.testing.Posts.marketer()).get("/api/posts/" + post).then().body("stats.shares", equalTo(0));
    }

    @Test
    void a_card_says_until_when_its_post_can_be_shared() {
        Team team = Team.of(0);
        java.time.Instant expires = java.time.Instant.now().plus(java.time.Duration.ofDays(3));
        Map<String, Object> leaving = draft("audience", Map.of("teams", List.of(team.name())));
        leaving.put("expiresAt", expires.toString());
        String soonGone = publish(leaving);
        String staying = publish(draft("audience", Map.of("teams", List.of(team.name()))));

        String feed = Session.of(team.leaderEmail()).given().header("Accept-Language", "nb").get("/").then()
                .statusCode(200).extract().asString();
        String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag("nb")).format(expires.atZone(java.time.ZoneId.of("Europe/Oslo")));
        assertThat(card(feed, soonGone)).contains("kan deles til " + day);
        assertThat(card(feed, staying)).doesNotContain("kan deles til");
    }

    @Test
    void the_top_of_the_feed_shows_the_running_challenges_with_my_progress() {
        Team team = Team.of(0);
        String topic = "utfordring-" + Api.unique();
        String name = "Ukens utfordring " + Api.unique();
        // ending before the other tests' challenges (hours, a week), since the feed shows the 3 that end soonest
        no.fyrtarn.testing.Game.challenge(name, topic, 2, 30, java.time.Duration.ofMinutes(30));
        String next = "Neste utfordring " + Api.unique();
        java.time.Instant now = java.time.Instant.now();
        Api.as(no.fyrtarn.testing.Posts.marketer()).body(Map.of("name", next, "targetShares", 1, "bonusPoints", 10,
                "topic", "t-" + Api.unique(), "startsAt", now.plus(java.time.Duration.ofMinutes(10)).toString(),
                "endsAt", now.plus(java.time.Duration.ofMinutes(40)).toString())).post("/api/challenges").then()
                .statusCode(201);
        for (int i = 0; i < 2; i++) { // more than the 3 shown at once
            no.fyrtarn.testing.Game.challenge("Enda en " + Api.unique(), "t-" + Api.unique(), 1, 10,
                    java.time.Duration.ofMinutes(50));
        }
        String post = publish(draftAbout(topic, List.of(team.name()))); // LinkedIn and X
        Session session = Session.of(team.leaderEmail());
        String token = Api.login(team.leaderEmail());

        String feed = session.given().header("Accept-Language", "en").get("/").then().statusCode(200).extract()
                .asString();
        List<String> running = Api.as(token).queryParam("limit", 20).get("/api/challenges").then().statusCode(200)
                .extract().path("items.name");
        assertThat(running).allSatisfy(listed -> assertThat(feed).contains("<strong>" + listed + "</strong>"));
        int hidden = running.size() - 3;
        assertThat(feed).contains("<details class=\"more-challenges\"><summary>" + hidden + " more challenge"
                + (hidden == 1 ? "" : "s") + "</summary>");
        assertThat(challenge(feed, name)).contains("0 of 2 shares for 30 bonus points · ends ",
                "<a class=\"chip\" href=\"/?topic=" + topic + "\">#" + topic + "</a>");
        assertThat(challenge(feed, next)).contains("0 of 1 share for 10 bonus points · starts "); // not begun yet
        no.fyrtarn.testing.Game.share(token, post, "LINKEDIN");
        // the region the page fetches again when my standing changed
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> challenge(session.given()
                .header("Accept-Language", "nb").get("/feed/challenges").then().statusCode(200).extract().asString(),
                name).contains("1 av 2 delinger for 30 bonuspoeng"));
        no.fyrtarn.testing.Game.share(token, post, "X");
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> challenge(session.given()
                .header("Accept-Language", "en").get("/feed/challenges").then().extract().asString(), name)
                .contains("Met: +30 points"));
        // not on one post alone, nor below the top of the feed
        assertThat(session.given().get("/?post=" + post).then().statusCode(200).extract().asString()).doesNotContain(name);
        publish(draft("audience", Map.of("teams", List.of(team.name())))); // a second post, so a page below the top
        String below = Api.as(token).get("/api/feed?limit=1").then().statusCode(200).extract().path("nextCursor");
        assertThat(session.given().queryParam("cursor", below).get("/").then().statusCode(200).extract().asString())
                .doesNotContain(name);
    }

    /** The challenge's line on the page: from its name to the end of its box. */
    private static String challenge(String page, String name) {
        int at = page.indexOf("<strong>" + name + "</strong>");
        return at < 0 ? "" : page.substring(at, page.indexOf("</div>", at));
    }

    @Test
    void a_malformed_accept_header_gets_the_page_not_a_400() {
        Session session = Session.of(Team.of(0).leaderEmail());
        for (String header : List.of("nb;q=abc", "nb;q=2", "sv;;q=0.5")) { // every page was "400 body: malformed JSON"
            session.given().header("Accept-Language", header).get("/").then().statusCode(200)
                    .contentType(ContentType.HTML).body(containsString("<html lang=\"en\""));
        }
        session.given().header("Accept-Encoding", "gzip;q=abc").get("/leaderboard").then().statusCode(200);
        session.given().header("Accept-Charset", "utf-8;q=abc").header("Accept-Language", "sv").get("/").then()
                .statusCode(200).body(containsString("<html lang=\"sv\"")); // the language read all the same
        session.given().cookie("fyrtarn_lang", "nb").header("Accept-Language", "nb;q=abc").get("/points").then()
                .statusCode(200).body(containsString("<html lang=\"nb\"")); // the switcher's choice still holds
        given().accept(BROWSER_ACCEPT).header("Accept-Language", "nb;q=2").get("/login").then().statusCode(200)
                .contentType(ContentType.HTML);
    }

    @Test
    void a_posts_texts_say_their_language_so_a_screen_reader_reads_them_in_it() {
        Team team = Team.of(0);
        Map<String, Object> swedish = draft("audience", Map.of("teams", List.of(team.name())));
        swedish.put("language", "sv");
        String inSwedish = publish(swedish);
        Map<String, Object> notSaid = draft("audience", Map.of("teams", List.of(team.name())));
        notSaid.remove("language");
        String unsaid = publish(notSaid);

        String feed = Session.of(team.leaderEmail()).given().header("Accept-Language", "en").get("/").then()
                .statusCode(200).extract().asString();
        assertThat(feed).contains("<html lang=\"en\"");
        String card = card(feed, inSwedish);
        assertThat(card).contains("<h2 id=\"title-" + inSwedish + "\" lang=\"sv\">", "<p class=\"body\" lang=\"sv\">",
                "<p class=\"caption-preview\" lang=\"sv\">");
        assertThat(Pattern.compile("<textarea [^>]*>").matcher(card).results().map(MatchResult::group))
                .as("the texts to edit, spell-checked in it too").hasSize(2).allMatch(t -> t.contains(" lang=\"sv\""));
        // the page's own words around them stay in the page's language
        assertThat(card).doesNotContain("<article class=\"card\" id=\"post-" + inSwedish + "\" lang");
        assertThat(card(feed, unsaid)).doesNotContain(" lang=");
    }

    @Test
    void the_feed_filters_by_a_topic_from_the_bar_of_its_topics() {
        Team team = Team.of(0);
        String topic = "lag-" + Api.unique();
        String taggedPost = publish(draftAbout(topic, List.of(team.name())));
        String otherPost = publish(draft("audience", Map.of("teams", List.of(team.name()))));
        Session session = Session.of(team.leaderEmail());

        String feed = session.given().get("/").then().statusCode(200).extract().asString();
        assertThat(topicBar(feed)).contains("<a class=\"chip\" href=\"/\" aria-current=\"true\">All</a>")
                .contains("<a class=\"chip\" href=\"/?topic=" + topic + "\">#" + topic + "</a>");
        assertThat(feed).contains("id=\"post-" + taggedPost + "\"", "id=\"post-" + otherPost + "\"");

        // as typed into the address, in capitals
        String filtered = session.given().queryParam("topic", topic.toUpperCase(Locale.ROOT)).get("/").then()
                .statusCode(200).extract().asString();
        assertThat(topicBar(filtered)).contains("<a class=\"chip\" href=\"/\">All</a>")
                .contains("href=\"/?topic=" + topic + "\" aria-current=\"true\">#" + topic + "</a>");
        assertThat(filtered).contains("id=\"post-" + taggedPost + "\"").doesNotContain("id=\"post-" + otherPost + "\"");

        // a topic no post in the feed has (any more) stays in the bar while it is the filter
        String gone = "borte-" + Api.unique();
        String empty = session.given().queryParam("topic", gone).get("/").then().statusCode(200).extract().asString();
        assertThat(topicBar(empty)).contains("href=\"/?topic=" + gone + "\" aria-current=\"true\">#" + gone + "</a>");
        assertThat(empty).doesNotContain("<article").contains("Nothing with #" + gone + " to share right now.");
    }

    @Test
    void a_link_to_one_post_opens_its_card_alone_and_one_no_longer_shareable_the_feed_saying_so() {
        Team team = Team.of(0);
        String post = publish(draft("audience", Map.of("teams", List.of(team.name()))));
        String other = publish(draft("audience", Map.of("teams", List.of(team.name()))));
        Session session = Session.of(team.leaderEmail());

        String one = session.given().queryParam("post", post).get("/").then().statusCode(200).extract().asString();
        assertThat(card(one, post)).contains("Share on LinkedIn");
        String title = Api.as(no.fyrtarn.testing.Posts.marketer()).get("/api/posts/" + post).then().extract()
                .path("title");
        assertThat(one).contains("<title>" + title + " · Fyrtårn</title>"); // the tab says which post it is
        assertThat(one)
                .doesNotContain("id=\"post-" + other + "\"", "class=\"topic-bar\"", "That post can no longer be shared")
                .contains("<a class=\"more\" href=\"/\">See everything you can share</a>");

        // another team's post, an archived one, a link cut short
        String elsewhere = publish(draft("audience", Map.of("teams", List.of(Team.of(0).name()))));
        String archived = publish(draft("audience", Map.of("teams", List.of(team.name()))));
        Api.as(no.fyrtarn.testing.Posts.marketer()).post("/api/posts/" + archived + "/archive").then().statusCode(200);
        for (String gone : List.of(elsewhere, archived, post.substring(0, 20))) {
            String feed = session.given().queryParam("post", gone).get("/").then().statusCode(200).extract()
                    .asString();
            assertThat(feed).contains("That post can no longer be shared. Here is what you can share now.",
                    "id=\"post-" + post + "\"", "id=\"post-" + other + "\"")
                    .doesNotContain("id=\"post-" + elsewhere + "\"", "id=\"post-" + archived + "\"");
        }
        assertThat(session.given().get("/").then().statusCode(200).extract().asString())
                .doesNotContain("That post can no longer be shared", "See everything you can share");
    }

    @Test
    void the_studio_gives_a_live_post_a_link_that_opens_it_in_the_feed() {
        String post = publish(draft());
        Session marketer = Session.of(Api.marketerInDirectory());
        String page = marketer.given().get("/studio/" + post).then().statusCode(200).extract().asString();
        Matcher field = Pattern.compile("<input id=\"feed-link\" type=\"url\" readonly value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(field.find()).as("the link for employees").isTrue();
        String link = field.group(1);
        assertThat(link).matches("https?://[^/]+/\\?post=" + post);
        assertThat(page).contains("data-copy=\"" + link + "\"");
        // its title in its own language, here and in the studio's list
        assertThat(page).contains("<h1 lang=\"nb\">");
        assertThat(marketer.given().get("/studio").then().statusCode(200).extract().asString())
                .contains("<a href=\"/studio/" + post + "\" lang=\"nb\">");

        String opened = Session.of(employeeIn(null).email()).given().get(link.replaceFirst("https?://[^/]+", ""))
                .then().statusCode(200).extract().asString();
        assertThat(card(opened, post)).isNotEmpty();
        assertThat(opened).contains("See everything you can share").doesNotContain("That post can no longer be shared");
        // a draft cannot be shared yet, so it has no such link
        assertThat(marketer.given().get("/studio/" + no.fyrtarn.testing.Posts.create(
                no.fyrtarn.testing.Posts.marketer(), draft())).then().statusCode(200).extract().asString())
                .doesNotContain("feed-link");
    }

    @Test
    void the_feed_offers_the_posts_published_for_me_since_it_was_opened() {
        Team team = Team.of(0);
        String topic = "nytt-" + Api.unique();
        String shown = publish(draftAbout(topic, List.of(team.name())));
        Session session = Session.of(team.leaderEmail());
        String news = newPostsAddress(session.given().queryParam("topic", topic).get("/").then().statusCode(200)
                .extract().asString());
        assertThat(news).contains("topic=" + topic);
        assertThat(session.given().get(news).then().statusCode(200).extract().asString()).doesNotContain("new post");

        publish(draftAbout(topic, List.of(team.name())));
        assertThat(session.given().get(news).then().statusCode(200).extract().asString())
                .contains("<a class=\"more new-posts\" href=\"/?topic=" + topic + "\">1 new post: show it</a>");

        publish(draftAbout(topic, List.of(team.name())));
        publish(draftAbout(topic, List.of(Team.of(0).name()))); // another team's
        publish(draft("audience", Map.of("teams", List.of(team.name())))); // without the topic
        String archived = publish(draftAbout(topic, List.of(team.name())));
        Api.as(no.fyrtarn.testing.Posts.marketer()).post("/api/posts/" + archived + "/archive").then().statusCode(200);
        assertThat(session.given().get(news).then().statusCode(200).extract().asString())
                .contains(">2 new posts: show them</a>");

        // a feed that showed nothing: every post that comes is new
        String other = "tomt-" + Api.unique();
        String fromEmpty = newPostsAddress(session.given().queryParam("topic", other).get("/").then().statusCode(200)
                .extract().asString());
        publish(draftAbout(other, List.of(team.name())));
        assertThat(session.given().get(fromEmpty).then().statusCode(200).extract().asString())
                .contains(">1 new post: show it</a>");

        // a position the page was not given
        session.given().queryParam("since", "bm90IG91cnM").get("/feed/new").then().statusCode(400);

        // one post alone does not ask
        assertThat(session.given().queryParam("post", shown).get("/").then().statusCode(200).extract().asString())
                .doesNotContain("/feed/new");
    }

    /** Where the feed page asks how many posts came since it was shown. */
    private static String newPostsAddress(String feed) {
        Matcher region = Pattern.compile("<div class=\"news\" data-live=\"([^\"]+)\" data-live-poll=").matcher(feed);
        assertThat(region.find()).as("the feed's new-posts region").isTrue();
        return region.group(1).replace("&amp;", "&");
    }

    private static String topicBar(String feed) {
        Matcher bar = Pattern.compile("<nav class=\"topic-bar\".*?</nav>", Pattern.DOTALL).matcher(feed);
        assertThat(bar.find()).as("the topic bar").isTrue();
        return bar.group();
    }

    /** The feed's card of this post. */
    private static String card(String feed, String post) {
        Matcher card = Pattern.compile("<article class=\"card\" id=\"post-" + post + "\".*?</article>", Pattern.DOTALL)
                .matcher(feed);
        assertThat(card.find()).as("a card of " + post).isTrue();
        return card.group();
    }

    @Test
    void pages_are_for_their_roles_only() {
        Session employee = Session.of(employeeIn(null).email());
        String post = publish(draft());
        for (String page : List.of("/leaders", "/leaders/live", "/studio", "/studio/live", "/studio/new",
                "/studio/" + post, "/studio/" + post + "/live")) {
            employee.given().get(page).then().statusCode(403).contentType(ContentType.HTML)
                    .body(containsString("Not for your role"));
        }
        employee.given().contentType(ContentType.URLENC).formParam("_csrf", employee.csrf()).formParam("title", "x")
                .post("/studio").then().statusCode(403);
        // the menu offers each the pages of their roles
        employee.given().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(not(containsString("href=\"/leaders\""))).body(not(containsString("href=\"/studio\"")));
        Team team = Team.of(1);
        Session leader = Session.of(team.leaderEmail());
        leader.given().get("/").then().statusCode(200)
                .body(containsString("href=\"/leaders\"")).body(not(containsString("href=\"/studio\"")));
        Session.of(Api.marketerInDirectory()).given().get("/").then().statusCode(200)
                .body(containsString("href=\"/leaders\"")).body(containsString("href=\"/studio\""));
        leader.given().get("/leaders").then().statusCode(200).body(containsString(team.reportEmails().get(0)))
                // every leader's flag, fetched again at most every 5 s however often points are awarded
                .body(containsString("<div data-live=\"/leaders/live?period=week\" data-live-every=\"5000\">"));
        leader.given().get("/leaderboard?period=decade").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("period: must be one of week, month, quarter, all"));
        leader.given().header("Accept-Language", "nb").get("/?cursor=bogus").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("cursor: kommer ikke fra en tidligere side"));
        leader.given().header("Accept-Language", "nb").get("/?topic=a&topic=b").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("topic: er gitt mer enn én gang"));
        leader.given().header("Accept-Language", "sv").get("/leaderboard?period=decade").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("period: måste vara en av week, month, quarter, all"));
    }

    @Test
    void a_post_written_in_the_studio_with_mistakes_is_shown_again_with_them_and_not_stored() {
        Session marketer = Session.of(Api.marketerInDirectory());
        int drafts = draftCount();
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Uten lenke").formParam("body", "Tekst").formParam("url", "ftp://nope")
                .formParam("networks", "LINKEDIN").formParam("networks", "X").formParam("caption_LINKEDIN", "Fint")
                .formParam("caption_X", "x".repeat(3001)).formParam("publishAt", "tomorrow")
                .formParam("language", "norsk").post("/studio").then()
                .statusCode(400).header("Content-Type", "text/html;charset=UTF-8")
                // each mistake under the label the form shows, linked to its field, which is marked
                .body(containsString("<a href=\"#captions-X\">Text for X</a>: size must be between 0 and 3000"))
                .body(containsString("id=\"captions-X\" aria-invalid=\"true\""))
                .body(not(containsString("id=\"captions-LINKEDIN\" aria-invalid")))
                .body(containsString("<a href=\"#url\">Link</a>: must be an absolute http(s) URL"))
                .body(containsString("<a href=\"#language\">Language of the texts</a>: must be a language tag such as nb, sv or en-GB"))
                .body(containsString("<a href=\"#publishAt\">Publish at (empty: when approved)</a>: is not a date and time"))
                // a field holding no tag marks no text with it
                .body(containsString("value=\"norsk\" aria-describedby=\"language-hint\" aria-invalid=\"true\""))
                .body(containsString("<input id=\"title\" name=\"title\" required maxlength=\"200\" value=\"Uten lenke\">"))
                .body(containsString("id=\"url\" name=\"url\" type=\"url\" required maxlength=\"2048\" value=\"ftp://nope\" aria-invalid=\"true\""))
                .body(containsString("value=\"Uten lenke\""));
        // a blank text and no network, in Norwegian
        marketer.given().contentType(ContentType.URLENC).header("Accept-Language", "nb").formParam("_csrf", marketer.csrf())
                .formParam("title", "Uten tekst").formParam("body", " ").formParam("url", "https://example.com/a")
                .post("/studio").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("<a href=\"#body\">Tekst</a>: må fylles ut"))
                .body(containsString("<a href=\"#networks\">Nettverk</a>: må ha minst ett valg"))
                .body(containsString("<textarea id=\"body\" name=\"body\" required maxlength=\"3000\" rows=\"4\" aria-invalid=\"true\">"))
                .body(containsString("<fieldset class=\"group\" id=\"networks\" aria-invalid=\"true\">"));
        assertThat(draftCount()).isEqualTo(drafts);
    }

    @Test
    void a_form_with_a_bare_percent_sign_is_a_bad_request_not_our_failure() {
        // as a script sends a form it did not encode: "50%" where a browser sends "50%25"; a 500 before
        given().contentType(ContentType.URLENC).accept(BROWSER_ACCEPT).body("email=50%&next=/").post("/login").then()
                .statusCode(400).contentType(ContentType.HTML)
                .body(containsString("a % must be followed by two hexadecimal digits"));
        Session marketer = Session.of(Api.marketerInDirectory());
        int drafts = draftCount();
        marketer.given().contentType(ContentType.URLENC).accept(BROWSER_ACCEPT).header("Accept-Language", "nb")
                .body("_csrf=" + marketer.csrf() + "&title=50%+off&body=Tekst&url=https%3A%2F%2Fexample.com%2F&networks=X")
                .post("/studio").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("etter % må det stå to heksadesimale sifre"));
        assertThat(draftCount()).isEqualTo(drafts);
    }

    @Test
    void the_studio_offers_as_audience_the_teams_someone_is_in() {
        String u = Api.unique();
        String old = "Gamle salg " + u;
        List<Map<String, Object>> people = List.of(Map.of("email", "a." + u + "@test.no", "name", "Anne", "team", old),
                Map.of("email", "b." + u + "@test.no", "name", "Bent", "team", old));
        Api.importEmployees(people);
        String email = Api.marketerInDirectory();
        String token = Api.login(email);
        String draft = no.fyrtarn.testing.Posts.create(token, draft("audience", Map.of("teams", List.of(old))));
        Session marketer = Session.of(email);
        assertThat(marketer.given().get("/studio/new").then().statusCode(200).extract().asString())
                .contains("value=\"" + old + "\">");

        // a reorganisation: everyone moves to the new team, and a post for the old one would reach nobody
        Api.importEmployees(people.stream().map(p -> Map.<String, Object>of("email", p.get("email"),
                "name", p.get("name"), "team", "Nye salg " + u)).toList());
        assertThat(marketer.given().get("/studio/new").then().statusCode(200).extract().asString())
                .contains("value=\"Nye salg " + u + "\">").doesNotContain("value=\"" + old + "\"");
        // and one whose only member left the company
        String coast = "Kyst " + u;
        Api.importEmployees(List.of(Map.of("email", "c." + u + "@test.no", "name", "Cato", "team", coast)));
        assertThat(marketer.given().get("/studio/new").then().statusCode(200).extract().asString())
                .contains("value=\"" + coast + "\">");
        Api.as(Api.adminToken()).delete("/api/admin/employees/" + new Api.Person("c." + u + "@test.no", null)
                .employeeId()).then().statusCode(204);
        assertThat(marketer.given().get("/studio/new").then().statusCode(200).extract().asString())
                .doesNotContain("value=\"" + coast + "\"");
        // a draft for it still shows it, ticked, so that editing it does not drop it unseen
        assertThat(marketer.given().get("/studio/" + draft).then().statusCode(200).extract().asString())
                .contains("value=\"" + old + "\" checked>");
    }

    @Test
    void a_mistake_only_the_post_service_sees_keeps_the_studios_form_too() {
        Session marketer = Session.of(Api.marketerInDirectory());
        int drafts = draftCount();
        // fine field by field; an end in the past and a team nobody has are rules across fields and the directory
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Utløpt før start").formParam("body", "Tekst").formParam("url", "https://example.com/b")
                .formParam("networks", "LINKEDIN").formParam("expiresAt", "2020-01-01T10:00").post("/studio").then()
                .statusCode(400).contentType(ContentType.HTML)
                .body(containsString("<a href=\"#expiresAt\">Leaves the feed at (empty: never)</a>: must be in the future"))
                .body(containsString("value=\"Utløpt før start\""), containsString("value=\"2020-01-01T10:00\""));
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Til et lag som ikke finnes").formParam("body", "Tekst")
                .formParam("url", "https://example.com/c").formParam("networks", "LINKEDIN")
                .formParam("teams", "Lag " + Api.unique()).post("/studio").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("<a href=\"#audience\">Who sees it</a>: is not a team"));
        // in the language the switcher chose, over the browser's
        String team = "Lag " + Api.unique();
        marketer.given().contentType(ContentType.URLENC).cookie("fyrtarn_lang", "sv").header("Accept-Language", "nb")
                .formParam("_csrf", marketer.csrf()).formParam("title", "På svenska").formParam("body", "Text")
                .formParam("url", "https://example.com/d").formParam("networks", "LINKEDIN").formParam("teams", team)
                .post("/studio").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("<a href=\"#audience\">Vilka ser det</a>: är inte ett team: " + team));
        marketer.given().contentType(ContentType.URLENC).cookie("fyrtarn_lang", "sv").formParam("_csrf", marketer.csrf())
                .formParam("title", " ").formParam("body", "Text").formParam("url", "https://example.com/d")
                .formParam("networks", "LINKEDIN").formParam("publishAt", "i morgon").post("/studio").then()
                .statusCode(400).body(containsString("<a href=\"#title\">Rubrik</a>: måste fyllas i"))
                .body(containsString("<a href=\"#publishAt\">Publicera (tomt: vid godkännande)</a>: är inte ett datum och en tid"));
        marketer.given().contentType(ContentType.URLENC).cookie("fyrtarn_lang", "sv").formParam("_csrf", marketer.csrf())
                .formParam("title", "Utgånget").formParam("body", "Text").formParam("url", "https://example.com/e")
                .formParam("networks", "LINKEDIN").formParam("expiresAt", "2020-01-01T10:00").post("/studio").then()
                .statusCode(400).body(containsString("<a href=\"#expiresAt\">Försvinner ur flödet (tomt: aldrig)</a>: måste vara i framtiden"));
        // a year the field takes with its sign, beyond what a time can be stored with: it was a 500
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Evig").formParam("body", "Text").formParam("url", "https://example.com/f")
                .formParam("networks", "LINKEDIN").formParam("expiresAt", "+300000-01-01T00:00").post("/studio").then()
                .statusCode(400).body(containsString("<a href=\"#expiresAt\">Leaves the feed at (empty: never)</a>: must be in the years 0000 to 9999"));
        assertThat(draftCount()).isEqualTo(drafts);
    }

    @Test
    void the_studio_lists_fifty_posts_of_a_status_and_every_one_on_a_page_of_its_own() {
        String author = no.fyrtarn.testing.Posts.marketer();
        List<String> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 51; i++) {
                mine.add(no.fyrtarn.testing.Posts.create(author, draft("title", "Utkast nr. " + i)));
            }
            Session marketer = Session.of(Api.marketerInDirectory());
            // the 51st was out of reach, and the count said 50
            String studio = marketer.given().get("/studio").then().statusCode(200).extract().asString();
            assertThat(studio).contains("<span class=\"count\">50+</span>")
                    .contains("<a class=\"more\" href=\"/studio/posts?status=DRAFT\">All drafts</a>")
                    .contains("<a href=\"/studio/posts\">All posts</a>")
                    .doesNotContain("/studio/" + mine.get(0) + "\"");
            String first = marketer.given().get("/studio/posts?status=DRAFT").then().statusCode(200).extract()
                    .asString();
            assertThat(first).contains("<h1>All drafts</h1>", "/studio/" + mine.get(50) + "\"")
                    .doesNotContain("/studio/" + mine.get(0) + "\"");
            assertThat(Pattern.compile("<tr data-post=").matcher(first).results().count()).isEqualTo(50);
            Matcher next = Pattern.compile("href=\"(/studio/posts\\?status=DRAFT&amp;cursor=[^\"]+)\"").matcher(first);
            assertThat(next.find()).isTrue();
            assertThat(marketer.given().urlEncodingEnabled(false).get(next.group(1).replace("&amp;", "&")).then()
                    .statusCode(200).extract().asString()).contains("/studio/" + mine.get(0) + "\"");
            marketer.given().header("Accept-Language", "nb").get("/studio/posts?status=LOST").then().statusCode(400)
                    .contentType(ContentType.HTML).body(containsString("status:"));
            Session.of(employeeIn(null).email()).given().get("/studio/posts").then().statusCode(403)
                    .contentType(ContentType.HTML).body(containsString("Back to the feed"), not(containsString("/studio\">")));
        } finally {
            mine.forEach(id -> Api.as(author).delete("/api/posts/" + id).then().statusCode(204));
        }
    }

    @Test
    void a_reviewer_sends_a_post_back_with_a_reason_from_the_studio() {
        String author = no.fyrtarn.testing.Posts.marketer();
        String post = no.fyrtarn.testing.Posts.inReview(author, draft());
        Session reviewer = Session.of(Api.marketerInDirectory());
        reviewer.given().get("/studio").then().statusCode(200)
                .body(containsString("action=\"/studio/" + post + "/approve\""));
        reviewer.given().contentType(ContentType.URLENC).formParam("_csrf", reviewer.csrf())
                .formParam("reason", "Kortere tekst, takk").post("/studio/" + post + "/reject").then().statusCode(303)
                .header("Location", endsWithPath("/studio"));
        Api.as(author).get("/api/posts/" + post).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("reviewNote", equalTo("Kortere tekst, takk"));
        reviewer.given().get("/studio").then().statusCode(200).body(containsString("Sent back: Kortere tekst, takk"));

        // a scheduled post is sent back from its own page, to be changed before it goes live
        Map<String, Object> later = draft();
        later.put("publishAt", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString());
        String scheduled = no.fyrtarn.testing.Posts.inReview(author, later);
        Api.as(no.fyrtarn.testing.Posts.marketer()).post("/api/posts/" + scheduled + "/approve").then()
                .statusCode(200).body("status", equalTo("SCHEDULED"));
        reviewer.given().get("/studio/" + scheduled).then().statusCode(200)
                .body(containsString("action=\"/studio/" + scheduled + "/withdraw\""));
        reviewer.given().contentType(ContentType.URLENC).formParam("_csrf", reviewer.csrf())
                .formParam("reason", "Feil dato").post("/studio/" + scheduled + "/withdraw").then().statusCode(303);
        Api.as(author).get("/api/posts/" + scheduled).then().body("status", equalTo("DRAFT"))
                .body("reviewNote", equalTo("Feil dato"));
        reviewer.given().get("/studio/" + post).then().statusCode(200) // a draft has no such form
                .body(org.hamcrest.Matchers.not(containsString("/withdraw\"")));
    }

    @Test
    void an_approval_from_the_studio_is_of_the_version_its_list_showed() {
        String author = no.fyrtarn.testing.Posts.marketer();
        String post = no.fyrtarn.testing.Posts.inReview(author, draft());
        Session reviewer = Session.of(Api.marketerInDirectory());
        String list = reviewer.given().get("/studio").then().statusCode(200).extract().asString();
        var shown = java.util.regex.Pattern.compile("action=\"/studio/" + post
                + "/approve\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]*\"><input type=\"hidden\" "
                + "name=\"etag\" value=\"([^\"]*)\"").matcher(list);
        assertThat(shown.find()).isTrue();
        String seen = shown.group(1).replace("&quot;", "\"");
        // meanwhile another reviewer sends it back, and its author changes it and submits it again
        Api.as(no.fyrtarn.testing.Posts.marketer()).body(Map.of("reason", "Annen vinkel"))
                .post("/api/posts/" + post + "/reject").then().statusCode(200);
        String etag = Api.as(author).get("/api/posts/" + post).getHeader("ETag");
        Map<String, Object> changed = draft();
        changed.put("title", "Noe annet enn det som ble lest");
        Api.as(author).header("If-Match", etag).body(changed).put("/api/posts/" + post).then().statusCode(200);
        Api.as(author).post("/api/posts/" + post + "/submit").then().statusCode(200);

        reviewer.given().contentType(ContentType.URLENC).formParam("_csrf", reviewer.csrf()).formParam("etag", seen)
                .post("/studio/" + post + "/approve").then().statusCode(412).contentType(ContentType.HTML)
                .body(containsString("This changed in the meantime"));
        Api.as(author).get("/api/posts/" + post).then().body("status", equalTo("IN_REVIEW"));
        // the version now in review, as the list shows it again
        String current = Api.as(author).get("/api/posts/" + post).getHeader("ETag");
        reviewer.given().contentType(ContentType.URLENC).formParam("_csrf", reviewer.csrf()).formParam("etag", current)
                .post("/studio/" + post + "/approve").then().statusCode(303);
        Api.as(author).get("/api/posts/" + post).then().body("status", equalTo("PUBLISHED"))
                .body("title", equalTo("Noe annet enn det som ble lest"));
    }

    @Test
    void the_studio_shows_who_shared_a_post_and_what_each_link_brought() {
        String post = publish(draft());
        Api.Person ida = employeeIn(null);
        Api.Person ola = employeeIn(null);
        Api.as(ola.token()).body("{\"network\": \"LINKEDIN\"}").post("/api/posts/" + post + "/shares").then()
                .statusCode(201);
        String idaUrl = Api.as(ida.token()).body("{\"network\": \"X\"}").post("/api/posts/" + post + "/shares")
                .then().statusCode(201).extract().path("trackedUrl");
        for (String agent : List.of("Mozilla/5.0 (Android 14) Chrome/131.0", "Mozilla/5.0 (Macintosh) Safari/605.1")) {
            given().redirects().follow(false).header("User-Agent", agent).get(idaUrl.substring(idaUrl.indexOf("/s/")))
                    .then().statusCode(302);
        }
        String marketing = no.fyrtarn.testing.Posts.marketer();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Api.as(marketing)
                .get("/api/posts/" + post).then().extract().jsonPath().getLong("stats.clicks") == 2);

        Session marketer = Session.of(Api.marketerInDirectory());
        String page = marketer.given().get("/studio/" + post).then().statusCode(200).extract().asString();
        assertThat(page).contains("LinkedIn: 1 share, 0 clicks", "X: 1 share, 2 clicks")
                .contains("<div id=\"post-live\" data-live=\"/studio/" + post + "/live\" data-live-every=\"2000\">");
        // what the page fetches again on each change: the figures and the links, and no form
        String live = marketer.given().get("/studio/" + post + "/live").then().statusCode(200).extract().asString();
        assertThat(live).contains("Live · Shares: 2 · Clicks: 2", "X: 1 share, 2 clicks", "Ansatt " + ida.email())
                .doesNotContain("<form", "<html");
        assertThat(marketer.given().get("/studio/live").then().statusCode(200).extract().asString())
                .containsPattern("<tr data-post=\"" + post + "\">\\s*<td>.*?</td>\\s*<td class=\"num\">2</td>\\s*"
                        + "<td class=\"num\">2</td>").doesNotContain("<html");
        assertThat(page).contains("Who shared it", "Ansatt " + ida.email(), "Ansatt " + ola.email(),
                "href=\"/api/posts/" + post + "/links.csv?separator=comma\" download");
        // Excel in Norwegian and Swedish splits a CSV's columns at semicolons
        assertThat(marketer.given().header("Accept-Language", "nb").get("/studio/" + post).then().statusCode(200)
                .extract().asString()).contains("/links.csv?separator=semicolon\" download");
        // the download works on the page's session
        marketer.given().get("/api/posts/" + post + "/links.csv").then().statusCode(200).contentType("text/csv")
                .body(containsString("," + idaUrl + "\r\n"));
        Matcher row = Pattern.compile("<tr data-employee=\"([^\"]+)\" data-network=\"([A-Z]+)\">\\s*<td>.*?</td>\\s*"
                + "<td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td>").matcher(page);
        List<String> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " shares " + row.group(4) + " clicks");
        }
        assertThat(rows).containsExactly(ida.employeeId() + " X 1 shares 2 clicks",
                ola.employeeId() + " LINKEDIN 1 shares 0 clicks");
        // a cursor the page did not give is a mistake; a draft has nobody to show
        marketer.given().get("/studio/" + post + "?links=bm90IG91cnM").then().statusCode(400)
                .contentType(ContentType.HTML);
        marketer.given().get("/studio/" + no.fyrtarn.testing.Posts.create(marketing, draft())).then().statusCode(200)
                .body(not(containsString("Who shared it")), not(containsString("data-live=")));
    }

    @Test
    void a_draft_is_edited_in_the_studio_and_a_stale_form_is_shown_again_over_the_version_saved_meanwhile() {
        Session marketer = Session.of(Api.marketerInDirectory());
        Response created = marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Første utkast").formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("topics", "#nyheter\u00a0#Vestland, bergen, #").formParam("networks", "LINKEDIN").formParam("networks", "X")
                .formParam("caption_LINKEDIN", "Variant én").formParam("caption_LINKEDIN", "Variant to")
                .formParam("caption_LINKEDIN", "").formParam("caption_X", "Kort").formParam("language", "NB")
                .post("/studio");
        created.then().statusCode(303);
        String id = created.getHeader("Location").replaceAll(".*/studio/", "");
        String admin = Api.adminToken();
        Api.as(admin).get("/api/posts/" + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("topics", org.hamcrest.Matchers.contains("nyheter", "vestland", "bergen")).body("language", equalTo("nb"))
                .body("captions.text", org.hamcrest.Matchers.contains("Variant én", "Variant to", "Kort"));
        String etag = Api.as(admin).get("/api/posts/" + id).getHeader("ETag");

        marketer.given().get("/studio/" + id).then().statusCode(200).body(containsString("value=\"Første utkast\""))
                .body(containsString("Variant to")).body(containsString("value=\"nb\" aria-describedby=\"language-hint\""))
                // the texts are edited, and spell-checked, in their language
                .body(containsString("<input id=\"title\" name=\"title\" required maxlength=\"200\" value=\"Første utkast\" lang=\"nb\">"))
                .body(containsString("<textarea id=\"caption-X-0\" name=\"caption_X\" rows=\"2\" maxlength=\"3000\" lang=\"nb\""));
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf()).formParam("etag", etag)
                .formParam("title", "Andre utkast").formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("networks", "LINKEDIN").formParam("caption_LINKEDIN", "Bare én").post("/studio/" + id)
                .then().statusCode(303);
        Api.as(admin).get("/api/posts/" + id).then().body("title", equalTo("Andre utkast"))
                .body("networks", org.hamcrest.Matchers.contains("LINKEDIN")).body("captions.text", org.hamcrest.Matchers.contains("Bare én"));
        // the same (now stale) form again: someone else's change is not overwritten, nor what was sent lost (it was an
        // error page, "This changed in the meantime", and the changes were gone)
        String stale = marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("etag", etag).formParam("title", "Tredje utkast").formParam("body", "Tekst")
                .formParam("url", "https://example.com/a").formParam("networks", "LINKEDIN").post("/studio/" + id)
                .then().statusCode(409).contentType(ContentType.HTML)
                .body(containsString("This draft was saved again after this form was opened (by a colleague, or by you on another page)."))
                .body(containsString("value=\"Tredje utkast\"")).extract().asString();
        Api.as(admin).get("/api/posts/" + id).then().body("title", equalTo("Andre utkast"));
        String current = Api.as(admin).get("/api/posts/" + id).getHeader("ETag");
        var etagField = java.util.regex.Pattern.compile("name=\"etag\" value=\"([^\"]*)\"").matcher(stale);
        assertThat(etagField.find()).isTrue();
        assertThat(etagField.group(1).replace("&quot;", "\"")).as("over the version saved meanwhile").isEqualTo(current);
        // saved as it was sent, knowingly
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf()).formParam("etag", current)
                .formParam("title", "Tredje utkast").formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("networks", "LINKEDIN").post("/studio/" + id).then().statusCode(303);
        Api.as(admin).get("/api/posts/" + id).then().body("title", equalTo("Tredje utkast"));
        // a stale form of a post no longer a draft: the error page, back to the studio (it led to the feed)
        Api.as(admin).post("/api/posts/" + id + "/submit").then().statusCode(200);
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf()).formParam("etag", current)
                .formParam("title", "Fjerde utkast").formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("networks", "LINKEDIN").post("/studio/" + id).then().statusCode(412)
                .contentType(ContentType.HTML).body(containsString("This changed in the meantime"))
                .body(containsString("href=\"/studio\">Back to the studio</a>"), not(containsString("Back to the feed")));
        Api.as(admin).get("/api/posts/" + id).then().body("title", equalTo("Tredje utkast"));
    }

    @Test
    void the_studio_says_in_which_time_zone_its_times_are() {
        Session marketer = Session.of(Api.marketerInDirectory());
        // a datetime field has no zone of its own: a marketer abroad read 09:00 as their own morning
        marketer.given().get("/studio/new").then().statusCode(200)
                .body(containsString("<p class=\"small\" id=\"times-hint\">Times are the company&#39;s: Central European Time "
                        + "(Europe/Oslo), whatever your device&#39;s clock says.</p>"))
                .body(containsString("type=\"datetime-local\" value=\"\" aria-describedby=\"times-hint\""));
        marketer.given().header("Accept-Language", "nb").get("/studio/new").then().statusCode(200)
                .body(containsString("Tidene er selskapets: sentraleuropeisk"), containsString("(Europe/Oslo)"));
    }

    @Test
    void submitting_a_draft_from_its_page_sends_what_its_form_holds_to_review() {
        Session marketer = Session.of(Api.marketerInDirectory());
        String admin = Api.adminToken();
        String id = newDraftThroughTheStudio(marketer, "Før innsending");
        String etag = Api.as(admin).get("/api/posts/" + id).getHeader("ETag");
        // typed since the last save (it went to review as last saved, the change left behind)
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf()).formParam("etag", etag)
                .formParam("title", "Rettet før innsending").formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("networks", "LINKEDIN").post("/studio/" + id + "/submit").then().statusCode(303)
                .header("Location", endsWithPath("/studio"));
        Api.as(admin).get("/api/posts/" + id).then().body("status", equalTo("IN_REVIEW"))
                .body("title", equalTo("Rettet før innsending"));

        // a mistake in the form: shown with the form, and nothing saved nor submitted
        String other = newDraftThroughTheStudio(marketer, "Med feil");
        String otherEtag = Api.as(admin).get("/api/posts/" + other).getHeader("ETag");
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf()).formParam("etag", otherEtag)
                .formParam("title", "Med feil rettet").formParam("body", "Tekst").formParam("url", "ftp://nope")
                .formParam("networks", "LINKEDIN").post("/studio/" + other + "/submit").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("<a href=\"#url\">Link</a>"));
        Api.as(admin).get("/api/posts/" + other).then().body("status", equalTo("DRAFT")).body("title", equalTo("Med feil"));
        // a page from before this form held the button: the draft as saved
        marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .post("/studio/" + other + "/submit").then().statusCode(303);
        Api.as(admin).get("/api/posts/" + other).then().body("status", equalTo("IN_REVIEW")).body("title", equalTo("Med feil"));
    }

    private static String newDraftThroughTheStudio(Session marketer, String title) {
        Response created = marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", title).formParam("body", "Tekst").formParam("url", "https://example.com/a")
                .formParam("networks", "LINKEDIN").post("/studio");
        created.then().statusCode(303);
        return created.getHeader("Location").replaceAll(".*/studio/", "");
    }

    @Test
    void a_post_as_long_as_the_studio_allows_is_saved() {
        // Norwegian letters take two bytes each, and a form sends them percent-encoded: 3 000 of them are 18 000 bytes
        String body = "Blåbærsyltetøy på brødskiva. ".repeat(110).substring(0, 3000);
        String caption = "æøå".repeat(1000);
        Session marketer = Session.of(Api.marketerInDirectory());
        Response created = marketer.given().contentType(ContentType.URLENC).formParam("_csrf", marketer.csrf())
                .formParam("title", "Lang tekst").formParam("body", body).formParam("url", "https://example.com/lang")
                .formParam("networks", "LINKEDIN").formParam("caption_LINKEDIN", caption).post("/studio");
        created.then().statusCode(303);
        String id = created.getHeader("Location").replaceAll(".*/studio/", "");
        Api.as(Api.adminToken()).get("/api/posts/" + id).then().statusCode(200).body("body", equalTo(body))
                .body("captions[0].text", equalTo(caption));
    }

    /** Every draft, page after page: with one page of 100, these counts could not change once there were 100. */
    private static int draftCount() {
        String marketer = no.fyrtarn.testing.Posts.marketer();
        int drafts = 0;
        String cursor = "";
        do {
            var page = Api.as(marketer).queryParam("cursor", cursor).get("/api/posts?status=DRAFT&limit=100").then()
                    .statusCode(200).extract().jsonPath();
            drafts += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return drafts;
    }

    @Test
    void my_points_page_says_what_earned_each_line_in_my_language_and_shows_nobody_elses() {
        Api.Person sharer = employeeIn(null);
        String stem = "Poeng " + Api.unique() + " ";
        List<String> links = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String post = publish(draft("title", stem + i));
            for (String network : List.of("LINKEDIN", "X")) {
                String url = Api.as(sharer.token()).body("{\"network\": \"" + network + "\"}")
                        .post("/api/posts/" + post + "/shares").then().statusCode(201).extract().path("trackedUrl");
                links.add(url.substring(url.indexOf("/s/")));
            }
        }
        // a click on each of the 20 links, and two more readers on the first post's LinkedIn link
        for (int i = 0; i < links.size() + 2; i++) {
            given().redirects().follow(false).header("User-Agent", "Mozilla/5.0 (Android 14) Chrome/131.0." + i)
                    .get(links.get(i < links.size() ? i : 0)).then().statusCode(302);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Api.as(sharer.token())
                .queryParam("limit", 100).get("/api/me/points").then().extract().jsonPath()
                .getList("items.action", String.class).stream().filter("CLICK"::equals).count() == links.size() + 2);
        List<Integer> earned = Api.as(sharer.token()).queryParam("limit", 100).get("/api/me/points").then()
                .extract().path("items.points");
        int sharesWithPoints = earned.size() - links.size() - 2; // the day's cap on share points left the others at 0

        int total = earned.stream().mapToInt(Integer::intValue).sum();
        no.fyrtarn.testing.Game.awaitTotal(sharer.token(), total); // the standing comes from the leaderboard's model
        Session session = Session.of(sharer.email());
        String nb = session.given().header("Accept-Language", "nb").get("/points").then().statusCode(200)
                .extract().asString();
        assertThat(nb).contains("<title>Mine poeng").containsPattern("<span class=\"num\">" + total
                + "</span> <span class=\"label\">poeng denne uken");
        assertThat(amounts(nb)).hasSize(PointsPage.PAGE_SIZE);
        Matcher more = Pattern.compile("data-cards=\"(/points/lines\\?cursor=[^\"]+)\"").matcher(nb);
        assertThat(more.find()).isTrue();
        String next = session.given().header("Accept-Language", "nb").get(more.group(1)).then().statusCode(200)
                .extract().asString();
        assertThat(next).doesNotContain("data-cards=");
        // all of today: one heading, on the first page (the next lines go on under it)
        assertThat(nb.split("<h2 class=\"day\">I dag</h2>", -1)).hasSize(2);
        assertThat(next).doesNotContain("<h2");
        // one line per share, and one per link and day for the clicks, however many; the cap's noughts are marked
        String all = nb + next;
        assertThat(amounts(all)).hasSize(links.size() + links.size());
        assertThat(amounts(all)).filteredOn("0"::equals).hasSize(links.size() - sharesWithPoints);
        assertThat(all.split("\\(dagens grense var nådd\\)", -1)).hasSize(links.size() - sharesWithPoints + 1);
        assertThat(amounts(all).stream().mapToInt(Integer::parseInt).sum()).isEqualTo(total);
        assertThat(line(all, "3 klikk på LinkedIn-lenken min til «" + stem + "0»")).isEqualTo("+3");
        assertThat(line(all, "Et klikk på X-lenken min til «" + stem + "0»")).isEqualTo("+1");
        assertThat(all).containsPattern("Delte «" + stem + "\\d» på (LinkedIn|X)");
        session.given().get("/points").then().body(containsString("3 clicks on my LinkedIn link to “" + stem + "0”"));
        session.given().get("/points?cursor=bogus").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("cursor: "));
        // the feed and the leaderboard lead there
        session.given().get("/").then().body(containsString("href=\"/points\""));
        session.given().get("/leaderboard").then().body(containsString("href=\"/points\""));

        Session colleague = Session.of(employeeIn(null).email());
        colleague.given().header("Accept-Language", "sv").get("/points").then().statusCode(200)
                .body(containsString("Inga poäng ännu"), not(containsString(stem)));
        colleague.given().get("/").then().body(not(containsString("href=\"/points\"")));
    }

    @Test
    void my_points_come_under_a_heading_for_each_day() {
        Api.Person sharer = employeeIn(null);
        Session session = Session.of(sharer.email());
        try {
            for (int day = 0; day < 3; day++) {
                Api.as(sharer.token()).body("{\"network\": \"LINKEDIN\"}")
                        .post("/api/posts/" + publish(draft("title", "Dag " + day)) + "/shares").then().statusCode(201);
                int lines = day + 1;
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Api
                        .as(sharer.token()).get("/api/me/points").then().extract().jsonPath().getList("items")
                        .size() == lines);
                clock.advance(java.time.Duration.ofDays(1));
            }
            clock.advance(java.time.Duration.ofDays(-1)); // back to the day of the last share
            String page = session.given().header("Accept-Language", "nb").get("/points").then().statusCode(200)
                    .extract().asString();
            String twoDaysAgo = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                    .withLocale(Locale.forLanguageTag("nb"))
                    .format(clock.instant().atZone(java.time.ZoneId.of("Europe/Oslo")).minusDays(2));
            Matcher headings = Pattern.compile("<h2 class=\"day\">([^<]+)</h2>\\s*<ol class=\"ledger\">\\s*<li>\\s*"
                    + "<span class=\"what\">Delte «(Dag \\d)»").matcher(page);
            List<String> days = new java.util.ArrayList<>();
            while (headings.find()) {
                days.add(headings.group(1) + ": " + headings.group(2));
            }
            assertThat(days).containsExactly("I dag: Dag 2", "I går: Dag 1", twoDaysAgo + ": Dag 0");
        } finally {
            clock.reset();
        }
    }

    /** The amount on the line of /points that says {@code what}. */
    private static String line(String page, String what) {
        Matcher line = Pattern.compile("<span class=\"what\">" + Pattern.quote(what)
                + "</span>\\s*<time[^>]*>[^<]*</time>\\s*<span class=\"num\">([^<]+)</span>").matcher(page);
        assertThat(line.find()).as("a line saying " + what).isTrue();
        return line.group(1);
    }

    private static List<String> amounts(String page) {
        Matcher amount = Pattern.compile("</time>\\s*<span class=\"num\">([^<]+)</span>").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (amount.find()) {
            found.add(amount.group(1));
        }
        return found;
    }

    @Test
    void pages_speak_the_language_asked_for() {
        Session session = Session.of(employeeIn(null).email());
        Map<String, String> expected = Map.of("nb-NO,nb;q=0.9,en;q=0.5", "Dine innlegg", "no", "Dine innlegg",
                "sv-SE", "Dina inlägg", "de-DE,en;q=0.5", "Your feed", "fi", "Your feed");
        expected.forEach((header, title) -> session.given().header("Accept-Language", header).get("/").then()
                .statusCode(200).body(containsString("<title>" + title)));
        // the switcher's choice wins over the browser's
        Response r = given().redirects().follow(false).get("/lang?to=sv&next=/leaderboard");
        r.then().statusCode(303).header("Location", endsWithPath("/leaderboard"));
        session.given().cookie("fyrtarn_lang", r.getCookie("fyrtarn_lang")).header("Accept-Language", "nb")
                .get("/leaderboard").then().statusCode(200).body(containsString("<html lang=\"sv\""))
                .body(containsString("Topplista"));
        // as someone types it into the address bar: any case, with a region, Norwegian in general
        Map.of("NB", "nb", "sv-SE", "sv", "no", "nb", "En", "en").forEach((typed, cookie) -> assertThat(given()
                .redirects().follow(false).queryParam("to", typed).get("/lang").getCookie("fyrtarn_lang"))
                .as(typed).isEqualTo(cookie));
        for (String unknown : List.of("de", "", "x;q=", "*")) {
            assertThat(given().redirects().follow(false).queryParam("to", unknown).get("/lang")
                    .getCookie("fyrtarn_lang")).as(unknown).isNull();
        }
    }

    @Test
    void logging_out_removes_the_session() {
        Session session = Session.of(employeeIn(null).email());
        session.given().contentType(ContentType.URLENC).post("/logout").then().statusCode(403);
        Response r = session.given().contentType(ContentType.URLENC).formParam("_csrf", session.csrf()).post("/logout");
        r.then().statusCode(303).header("Location", endsWithPath("/login"));
        assertThat(r.getDetailedCookie("fyrtarn_token").getMaxAge()).isZero();
        assertThat(r.getDetailedCookie("fyrtarn_token").getValue()).isEmpty();
    }

    @Test
    void the_app_can_be_installed() {
        given().get("/manifest.json").then().statusCode(200).body("start_url", equalTo("/"))
                .body("display", equalTo("standalone")).body("icons.sizes", org.hamcrest.Matchers.hasItems("192x192", "512x512"));
        for (String icon : List.of("/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon.svg")) {
            given().get(icon).then().statusCode(200);
        }
    }

    private static List<String> sharedOn(Api.Person person, String post) {
        return Api.as(person.token()).get("/api/feed?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.find { it.postId == '" + post + "' }.sharedOn");
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
