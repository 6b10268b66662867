package no.fyrtarn.web;

import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Api.unique;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.draftAbout;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.share.XText;
import no.fyrtarn.testing.Api;
import no.fyrtarn.testing.Browser;
import no.fyrtarn.testing.Game;
import no.fyrtarn.testing.Team;

/** The pages in a real headless Chromium on a 360 × 780 phone; screenshots of each go to target/screenshots/. */
@QuarkusTest
class PagesBrowserTest {

    private static Browser phone;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void phone() {
        if (phone == null) {
            phone = new Browser(base.toString());
        }
        phone.onlyTheFirstWindow();
        phone.open("/login");
        phone.driver().manage().deleteAllCookies();
        phone.script("sessionStorage.clear()"); // what the studio kept of a form in another test
    }

    @AfterAll
    static void close() {
        if (phone != null) {
            phone.close();
            phone = null;
        }
    }

    private static String postFor(Team team, String title) {
        return postFor(team, title, "hiring");
    }

    private static String postFor(Team team, String title, String topic) {
        Map<String, Object> post = draftAbout(topic, List.of(team.name()));
        post.put("title", title);
        post.put("networks", List.of("LINKEDIN", "X", "FACEBOOK"));
        post.put("captions", List.of(Map.of("network", "LINKEDIN", "text", "Vi søker flere kollegaer i Bergen!"),
                Map.of("network", "X", "text", "Jobb hos oss"), Map.of("network", "FACEBOOK", "text", "Bli med oss")));
        return publish(post);
    }

    /** A post for a new team, and its leader signed in on the feed; the post's id. */
    private static String onTheFeedWith(String title) {
        Team team = Team.of(0);
        String post = postFor(team, title);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        return post;
    }

    /** Text as one line: a no-break space and line breaks between flex items become single spaces. */
    private static String oneLine(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static WebElement card(String title) {
        return phone.all("article.card").stream().filter(c -> c.findElement(By.tagName("h2")).getText().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void without_a_session_a_page_sends_you_to_the_login_and_back_after_it() {
        String email = employeeIn(null).email();
        phone.open("/leaderboard?period=month");
        await().until(() -> phone.path().startsWith("/login?next="));
        phone.screenshot("login");
        assertThat(phone.scrollsSideways()).isFalse();

        phone.find("#email").sendKeys(email);
        phone.find("form.stack button[type=submit]").click();
        await().until(() -> phone.path().equals("/leaderboard?period=month"));
        assertThat(phone.find("h1").getText()).isEqualTo("Leaderboard");
    }

    @Test
    void tapping_a_network_records_the_share_and_opens_its_dialog_with_the_tracked_link() {
        Team team = Team.of(0);
        String title = "Bli med på laget " + unique();
        String post = postFor(team, title);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        WebElement card = card(title);
        assertThat(phone.text("#my-rank")).as("no place without points").isEqualTo("–");
        assertThat(card.findElement(By.cssSelector(".caption-preview")).getText())
                .isEqualTo("Vi søker flere kollegaer i Bergen!");
        assertThat(card.findElements(By.cssSelector(".networks button"))).extracting(WebElement::getText)
                .containsExactly("Share on LinkedIn", "Share on X", "Share on Facebook");
        phone.screenshot("feed");
        assertThat(phone.scrollsSideways()).isFalse();

        // edit the text for X, then one tap
        card.findElement(By.cssSelector("details.captions summary")).click();
        WebElement text = card.findElement(By.cssSelector("textarea[name=text_X]"));
        text.clear();
        text.sendKeys("Stolt av teamet mitt");
        String feed = phone.driver().getWindowHandle();
        card.findElement(By.cssSelector("button[value=X]")).click();

        await().until(() -> phone.driver().getWindowHandles().size() == 2);
        String dialog = phone.driver().getWindowHandles().stream().filter(h -> !h.equals(feed)).findFirst().orElseThrow();
        WebElement tracked = card.findElement(By.cssSelector(".result .tracked"));
        await().until(() -> tracked.getAttribute("value").contains("/s/"));
        String link = tracked.getAttribute("value");
        assertThat(link).matches("https?://[^/]+/s/[0-9A-Za-z]{7,}");
        phone.driver().switchTo().window(dialog);
        await().atMost(Duration.ofSeconds(20)).until(() -> phone.driver().getCurrentUrl().startsWith("https://x.com/intent/tweet"));
        assertThat(phone.driver().getCurrentUrl()).contains("text=Stolt%20av%20teamet%20mitt")
                .contains("url=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
        phone.driver().close();
        phone.driver().switchTo().window(feed);

        assertThat(card.findElement(By.cssSelector("button[value=X]")).getText()).isEqualTo("Shared on X ✓");
        List<String> sharedOn = Api.as(team.leader()).get("/api/feed?limit=100").then().statusCode(200).extract()
                .jsonPath().getList("items.find { it.postId == '" + post + "' }.sharedOn");
        assertThat(sharedOn).containsExactly("X");
        // the share's points reach my standing on the open page, and the card counts the clicks on my link
        phone.script("window.stayedOpen = true;");
        String reach = "#post-" + post + " .reach";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(phone.text("#my-points")).matches("[1-9][0-9]*");
            assertThat(phone.text("#my-rank")).matches("[0-9]+\\.");
            assertThat(oneLine(phone.text(reach))).isEqualTo("Clicks on your links: X 0");
        });
        // each card I shared follows my standing, at most every 5 s: a busy sharer's page has many
        assertThat(phone.attribute(reach, "data-live-every")).isEqualTo("5000");

        // someone opens the shared link: the click shows on the card, without a reload
        io.restassured.RestAssured.given().redirects().follow(false)
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1")
                .get(link.substring(link.indexOf("/s/"))).then().statusCode(302);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(oneLine(phone.text(reach))).isEqualTo("Clicks on your links: X 1"));
        assertThat(phone.script("return window.stayedOpen === true;")).as("the same page, not reloaded").isEqualTo(true);
        phone.open("/");
        assertThat(oneLine(phone.text(reach))).isEqualTo("Clicks on your links: X 1");
        assertThat(phone.text("#my-streak + .label")).isEqualTo("week in a row");
        phone.screenshot("feed-shared");
    }

    @Test
    void a_text_i_edited_for_a_share_comes_back_when_the_tap_had_to_log_me_in_again() {
        Team team = Team.of(0);
        String title = "Igjen etter innlogging " + unique();
        postFor(team, title);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        WebElement card = card(title);
        card.findElement(By.cssSelector("details.captions summary")).click();
        WebElement text = card.findElement(By.cssSelector("textarea[name=text_X]"));
        text.clear();
        text.sendKeys("Min egen tekst");
        phone.driver().manage().deleteAllCookies(); // the session ran out while the feed was open
        card.findElement(By.cssSelector("button[value=X]")).click();
        await().until(() -> phone.path().startsWith("/login"));
        phone.find("#email").sendKeys(team.leaderEmail());
        phone.find("form.stack button[type=submit]").click();
        await().until(() -> phone.path().equals("/"));

        WebElement again = card(title);
        assertThat(again.findElement(By.cssSelector("details.captions")).getAttribute("open")).isNotNull();
        assertThat(again.findElement(By.cssSelector("textarea[name=text_X]")).getAttribute("value"))
                .isEqualTo("Min egen tekst");
        assertThat(again.findElement(By.cssSelector("textarea[name=text_LINKEDIN]")).getAttribute("value"))
                .as("not edited, as it was").isEqualTo("Vi søker flere kollegaer i Bergen!");
        // put back once: the feed opened again has the post's own text
        phone.open("/");
        assertThat(card(title).findElement(By.cssSelector("textarea[name=text_X]")).getAttribute("value"))
                .isEqualTo("Jobb hos oss");
    }

    @Test
    void tapping_linkedin_copies_my_text_to_paste_there_since_its_dialog_takes_only_the_link() {
        String title = "Del med nettverket " + unique();
        onTheFeedWith(title);
        WebElement card = card(title);
        card.findElement(By.cssSelector("details.captions summary")).click();
        WebElement text = card.findElement(By.cssSelector("textarea[name=text_LINKEDIN]"));
        text.clear();
        text.sendKeys("Vi ansetter i Bergen – søk nå!");
        String feed = phone.driver().getWindowHandle();

        card.findElement(By.cssSelector("button[value=LINKEDIN]")).click();
        WebElement pasted = card.findElement(By.cssSelector(".result .pasted"));
        await().until(pasted::isDisplayed);
        assertThat(pasted.getText()).isEqualTo("Your text is copied: paste it into your post on LinkedIn.");
        String link = card.findElement(By.cssSelector(".result .tracked")).getAttribute("value");
        assertThat(link).contains("/s/");
        String dialog = phone.driver().getWindowHandles().stream().filter(h -> !h.equals(feed)).findFirst().orElseThrow();
        phone.driver().switchTo().window(dialog);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phone.driver().getCurrentUrl().startsWith("https://www.linkedin.com/"));
        assertThat(phone.driver().getCurrentUrl()).isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url="
                + URLEncoder.encode(link, StandardCharsets.UTF_8));
        phone.driver().close();
        phone.driver().switchTo().window(feed);
        assertThat(phone.clipboard()).isEqualTo("Vi ansetter i Bergen – søk nå!");
        phone.screenshot("feed-linkedin-text-copied");

        // X's dialog takes the text: nothing is copied, and the note about pasting goes
        card.findElement(By.cssSelector("button[value=X]")).click();
        await().until(() -> card.findElement(By.cssSelector("button[value=X]")).getText().equals("Shared on X ✓"));
        assertThat(pasted.isDisplayed()).isFalse();
        phone.driver().getWindowHandles().stream().filter(h -> !h.equals(feed)).forEach(h -> {
            phone.driver().switchTo().window(h);
            phone.driver().close();
        });
        phone.driver().switchTo().window(feed);
        assertThat(phone.clipboard()).isEqualTo("Vi ansetter i Bergen – søk nå!");

        // the button copies the text with the tracked link, for anywhere else
        card.findElement(By.cssSelector(".result .copy")).click();
        await().until(() -> card.findElement(By.cssSelector(".result .copied")).isDisplayed());
        String xLink = card.findElement(By.cssSelector(".result .tracked")).getAttribute("value");
        assertThat(xLink).contains("/s/").isNotEqualTo(link);
        assertThat(phone.clipboard()).isEqualTo("Jobb hos oss " + xLink);
    }

    @Test
    void when_the_browser_refuses_to_copy_my_text_the_card_says_where_to_copy_it_from() {
        String title = "Kopier selv " + unique();
        onTheFeedWith(title);
        // a browser that lets no page write to the clipboard
        phone.script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError'));"
                + " document.execCommand = () => false;");
        WebElement card = card(title);

        card.findElement(By.cssSelector("button[value=FACEBOOK]")).click();
        await().until(() -> card.findElement(By.cssSelector("button[value=FACEBOOK]")).getText()
                .equals("Shared on Facebook ✓"));
        WebElement note = card.findElement(By.cssSelector(".result .pasted"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).isEqualTo("Your text could not be copied: copy it under “Edit the text” and paste"
                + " it into your post on Facebook.");
        phone.onlyTheFirstWindow();
    }

    @Test
    void clicks_past_the_days_cap_still_show_on_the_card_without_a_reload() {
        String team = "Lag " + unique();
        Api.Person sharer = employeeIn(team);
        String title = "Populær lenke " + unique();
        Map<String, Object> post = draft("title", title);
        post.put("audience", Map.of("teams", List.of(team)));
        post.put("networks", List.of("X"));
        post.put("captions", List.of(Map.of("network", "X", "text", "Les denne")));
        String postId = publish(post);
        String url = Api.as(sharer.token()).body("{\"network\": \"X\"}").post("/api/posts/" + postId + "/shares")
                .then().statusCode(201).extract().path("trackedUrl");
        String link = url.substring(url.indexOf("/s/"));
        phone.login(sharer.email());
        await().until(() -> phone.path().equals("/"));
        String reach = "#post-" + postId + " .reach";
        phone.script("window.stayedOpen = true;");

        // a click from each of 100 readers reaches the day's cap on click points (100)
        for (int reader = 1; reader <= 100; reader++) {
            click(link, reader);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(oneLine(phone.text(reach))).isEqualTo("Clicks on your links: X 100");
            assertThat(phone.text("#my-points")).isEqualTo("110"); // the share's 10 and the clicks' 1 each
        });
        // the next reader's click earns nothing, but it is counted, and the card says so
        click(link, 101);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(oneLine(phone.text(reach))).isEqualTo("Clicks on your links: X 101"));
        assertThat(phone.text("#my-points")).isEqualTo("110");
        assertThat(oneLine(phone.text(".see-points .my-clicks"))).isEqualTo("101 clicks on your links");
        assertThat(phone.script("return window.stayedOpen === true;")).as("the same page, not reloaded").isEqualTo(true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A click on a tracked link from a reader of its own (each reader's browser tells itself apart). */
    private static void click(String link, int reader) {
        io.restassured.RestAssured.given().redirects().follow(false)
                .header("User-Agent", "Mozilla/5.0 (Android 15) Chrome/140.0." + reader).get(link).then().statusCode(302);
    }

    @Test
    void a_post_taken_down_while_the_feed_is_open_says_so_on_a_tap_and_opens_no_dialog() {
        String title = "Snart borte " + unique();
        String post = onTheFeedWith(title);
        WebElement card = card(title);
        Api.as(no.fyrtarn.testing.Posts.marketer()).post("/api/posts/" + post + "/archive").then().statusCode(200);

        card.findElement(By.cssSelector("button[value=LINKEDIN]")).click();
        WebElement problem = card.findElement(By.cssSelector(".result .problem"));
        await().until(problem::isDisplayed);
        assertThat(problem.getText()).isEqualTo("This post can no longer be shared.");
        // no link to copy, no button to try again with, and the blank window opened for the dialog is closed again
        assertThat(card.findElement(By.cssSelector(".result .copy")).isDisplayed()).isFalse();
        assertThat(card.findElement(By.cssSelector(".result .tracked")).isDisplayed()).isFalse();
        assertThat(card.findElements(By.cssSelector("button.net"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        await().until(() -> phone.driver().getWindowHandles().size() == 1);
    }

    @Test
    void the_text_for_x_is_counted_as_x_counts_it_and_the_counter_says_when_sharing_shortens_it() {
        String title = "Tell som X " + unique();
        onTheFeedWith(title);
        WebElement card = card(title);
        card.findElement(By.cssSelector("details.captions summary")).click();
        WebElement counter = card.findElement(By.cssSelector(".x-count"));
        await().until(counter::isDisplayed); // once the page has X's top-level domains
        assertThat(counter.getText()).isEqualTo("12 / 256"); // the post's X caption, "Jobb hos oss"
        assertThat(card.findElements(By.cssSelector(".x-count"))).as("only X has one").hasSize(1);
        // the list is fetched at the version of the page's script, so a release's new list is not a day late
        String version = (String) phone.script("return new URL(document.querySelector('script[src]').src).search;");
        assertThat(version).matches("\\?v=[0-9a-f]{12}");
        assertThat(phone.script("return performance.getEntriesByType('resource').map(e => new URL(e.name))"
                + ".filter(u => u.pathname === '/x-tlds.txt').map(u => u.search)")).isEqualTo(List.of(version));

        WebElement text = card.findElement(By.cssSelector("textarea[name=text_X]"));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
        for (String sample : List.of("Stolt av teamet " + family + " \uD83C\uDDF3\uD83C\uDDF4 1\uFE0F\u20E3 #\u20E3",
                "故人西辞黄鹤楼，烟花三月下扬州。…", "Les mer på https://fyrtarn.no/jobb?ref=x (og del!)",
                "(www.fyrtarn.no/om-oss), f.eks. «nrk.no». post@fyrtarn.no",
                "Fyrtårn® ©2026 \u00A9\uFE0F ™ — “sitat” ‘x’ ‹›", "Ærlig talt\u00A0https://fyrtarn.no og A\u0301B",
                "randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com", "Hi http://test.co",
                "Se f.eks. t.ex. https://intranet.fyrtarn/om-oss og Fyrtarn.Design/jobb")) {
            type(text, sample);
            assertThat(counter.getText()).as(sample).isEqualTo(XText.weightedLength(sample) + " / 256");
            assertThat(counter.getAttribute("class")).doesNotContain("too-long");
        }

        type(text, "Vi ansetter \uD83D\uDE80 ".repeat(20)); // 15 each: 300
        assertThat(counter.getText()).isEqualTo("300 / 256 Too long for X with the link: sharing shortens it to fit.");
        assertThat(counter.getAttribute("class")).contains("too-long");
        assertThat(text.getAttribute("aria-describedby")).isEqualTo(counter.getAttribute("id"));
        phone.screenshot("feed-x-count");
    }

    /** As typing does; ChromeDriver's sendKeys cannot type characters beyond the BMP, such as emoji. */
    private static void type(WebElement field, String text) {
        phone.script("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", field, text);
    }

    @Test
    void the_feeds_challenges_follow_my_shares_and_those_i_unfolded_stay_open() {
        Team team = Team.of(0);
        for (int i = 0; i < 3; i++) { // three ending first, so that mine is folded under them
            Game.challenge("Foran " + unique(), "t-" + unique(), 1, 10, Duration.ofMinutes(5 + i));
        }
        String mine = "Min utfordring " + unique();
        String topic = "t-" + unique();
        Game.challenge(mine, topic, 2, 10, Duration.ofMinutes(9));
        String post = postFor(team, "Utfordret " + unique(), topic);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.click("details.more-challenges summary");
        assertThat(phone.text("details.more-challenges")).contains(mine, "0 of 2 shares");
        phone.script("window.notReloaded = true;");

        Game.share(team.leader(), post, "LINKEDIN");
        await().atMost(Duration.ofSeconds(15)).until(() -> phone.text("details.more-challenges").contains("1 of 2 shares"));
        assertThat(phone.script("return document.querySelector('details.more-challenges').open;")).isEqualTo(true);
        assertThat(phone.script("return window.notReloaded === true;")).isEqualTo(true);
    }

    @Test
    void the_leaderboard_updates_live_when_someone_else_shares() {
        Team team = Team.of(1);
        String post = postFor(team, "Live " + unique());
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open("/leaderboard?period=week&scope=team");
        assertThat(phone.text("tr.me")).contains("Leder " + team.leaderEmail());
        assertThat(phone.all("svg.bars rect")).hasSize(8);
        assertThat(phone.texts("svg.bars text.value")).last().isEqualTo("0");
        phone.script("window.notReloaded = true;");

        Game.share(team.reports().get(0), post, "LINKEDIN");

        String report = "Rapport " + team.reportEmails().get(0);
        awaitOnTheBoard(report, "10");
        assertThat(phone.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(phone.text("#board tbody tr")).contains(report);
        assertThat(phone.all("#board .lighthouse")).isEmpty();

        // the leader shares too: as many points as the team's median and a share this week → the lighthouse
        Game.share(team.leader(), post, "X");
        await().atMost(Duration.ofSeconds(15)).until(() -> (Boolean) phone.script(
                "return document.querySelector('#board tr.me .lighthouse') !== null;"));
        assertThat(phone.attribute("#board tr.me .lighthouse", "aria-label")).isEqualTo("Leads by example");
        phone.screenshot("leaderboard");
        assertThat(phone.scrollsSideways()).isFalse();

        // the leader's own chart follows too, this week's bar the highest: its label shows whole, above the bar
        await().atMost(Duration.ofSeconds(15)).until(() -> "10".equals(phone.script(
                "const labels = document.querySelectorAll('svg.bars text.value'); return labels[labels.length - 1].textContent;")));
        assertThat(phone.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(phone.all("svg.bars rect")).hasSize(8);
        assertThat(phone.script("const chart = document.querySelector('svg.bars').getBoundingClientRect();"
                + " return [...document.querySelectorAll('svg.bars text.value')]"
                + ".filter(label => label.getBoundingClientRect().top < chart.top).length;")).isEqualTo(0L);
    }

    @Test
    void every_page_keeps_to_its_content_security_policy() {
        Team team = Team.of(2);
        postFor(team, "Policy " + unique());
        phone.console();
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        for (String page : List.of("/", "/points", "/leaderboard", "/leaders")) {
            phone.open(page);
            assertThat(phone.find("body").getText()).isNotBlank();
        }
        // the 90-9-1 bar's widths come from style attributes, which the policy allows
        assertThat(phone.script("return getComputedStyle(document.querySelector('.split .seg')).flexGrow;"))
                .isEqualTo("2");
        String marketer = Api.marketerInDirectory();
        phone.login(marketer);
        await().until(() -> phone.path().equals("/"));
        for (String page : List.of("/studio", "/studio/new", "/studio/posts", "/login")) {
            phone.open(page);
            assertThat(phone.find("body").getText()).isNotBlank();
        }
        assertThat(phone.console()).noneMatch(line -> line.contains("Content Security Policy"))
                .noneMatch(line -> line.contains("Refused"));
    }

    @Test
    void every_page_meets_wcag_aa_in_light_and_dark_mode() {
        Team team = Team.of(3);
        String title = "Tilgjengelig " + unique();
        String post = postFor(team, title);
        // the leaders page then has one of each segment: a contributor, a creator and a lurker
        Game.share(team.reports().get(0), post, "LINKEDIN");
        Game.suggestionPublished(Game.me(team.reports().get(1)).getString("employeeId"), "Min idé " + unique(), 1);
        Game.challenge("Tilgjengelig utfordring " + unique(), "t-" + unique(), 3, 30, Duration.ofHours(2)); // in the feed
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try {
            // a card as a tap leaves it: its text open for editing, the share recorded, the tracked link shown
            WebElement card = card(title);
            card.findElement(By.cssSelector("details.captions summary")).click();
            card.findElement(By.cssSelector("button[value=LINKEDIN]")).click();
            WebElement tracked = card.findElement(By.cssSelector(".result .tracked"));
            await().until(() -> tracked.getAttribute("value").contains("/s/"));
            phone.onlyTheFirstWindow();
            checkBothModes("/ after a share", problems);
            for (String page : List.of("/?topic=hiring", "/?post=" + unique(), "/points", "/leaderboard",
                    "/leaders", "/studio")) {
                phone.open(page);
                if (page.equals("/leaders")) {
                    await().atMost(Duration.ofSeconds(15)).until(() -> "1 lurker, 1 contributor, 1 creator"
                            .equals(phone.attribute(".split", "aria-label")));
                }
                checkBothModes(page, problems);
            }
            String marketer = Api.marketerInDirectory();
            phone.login(marketer);
            await().until(() -> phone.path().equals("/"));
            for (String page : List.of("/studio", "/studio/new", "/studio/posts", "/studio/" + post)) {
                phone.open(page);
                checkBothModes(page + " (marketing)", problems);
            }
            // the notice that what was typed and not saved is back, with its button
            phone.open("/studio/new");
            phone.find("#title").sendKeys("Ikke lagret");
            phone.open("/studio");
            phone.open("/studio/new");
            await().until(() -> phone.find(".draft-restored").isDisplayed());
            checkBothModes("/studio/new, what was typed back (marketing)", problems);
            phone.driver().manage().deleteAllCookies();
            phone.open("/login");
            checkBothModes("/login", problems);
        } finally {
            phone.darkMode(false);
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Adds what axe finds on the page as it is, and the focus rings hard to see, in light mode and in dark, under the
     * page's name.
     */
    private static void checkBothModes(String page, Map<String, List<String>> problems) {
        for (boolean dark : List.of(false, true)) {
            phone.darkMode(dark);
            List<String> found = new ArrayList<>(phone.accessibilityProblems());
            found.addAll(phone.weakFocusRings());
            if (!found.isEmpty()) {
                problems.put(page + (dark ? " (dark)" : " (light)"), found);
            }
        }
    }

    @Test
    void a_link_to_a_page_tapped_on_another_site_opens_it_signed_in() {
        Team team = Team.of(0);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        // a reminder in a mail or a chat: another site, which the session cookie (SameSite=Strict) does not go to
        phone.driver().get("data:text/html,<a id=reminder href='" + base + "leaderboard?period=month'>Del denne uken</a>");
        phone.find("#reminder").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> phone.path().startsWith("/leaderboard"));
        assertThat(phone.path()).isEqualTo("/leaderboard?period=month");
        // signed in: the navigation is there, at the leaderboard
        assertThat(phone.all("header nav a[href='/leaderboard'][aria-current=page]")).hasSize(1);
    }

    /** Until the board shows {@code name} with {@code points}, read row by row in one go (the table is live). */
    private static void awaitOnTheBoard(String name, String points) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ((List<?>) phone.script(
                "return [...document.querySelectorAll('#board tbody tr')].map(r => r.querySelector('.name').textContent"
                        + " + '=' + r.querySelector('.points').textContent);")).contains(name + "=" + points));
    }

    @Test
    void a_board_left_open_behind_another_tab_asks_for_nothing_until_i_come_back_to_it() {
        Team team = Team.of(1);
        String post = postFor(team, "Behind " + unique());
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        // what the page asks for (its streams and its fetches), each with whether it was in view then
        Object watch = phone.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.asked = []; window.streams = []; const Stream = window.EventSource;"
                        + " window.EventSource = function (url) { const stream = new Stream(url);"
                        + " window.streams.push(stream); window.asked.push(document.visibilityState + ' ' + url);"
                        + " return stream; };"
                        + " const fetched = window.fetch; window.fetch = (url, options) => {"
                        + " window.asked.push(document.visibilityState + ' ' + url); return fetched(url, options); };"))
                .get("identifier");
        try {
            phone.open("/leaderboard?period=week&scope=team");
        } finally {
            phone.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", watch));
        }
        String board = phone.driver().getWindowHandle();
        await().until(() -> phone.script("return window.streams[0].readyState;").equals(1L));

        phone.driver().switchTo().newWindow(WindowType.TAB); // the board's tab goes behind this one
        Game.share(team.reports().get(0), post, "LINKEDIN");
        Game.awaitTotal(team.reports().get(0), 10);
        sleep(2_500); // notices come at most once a second: a page that listened would have fetched by now

        phone.driver().switchTo().window(board);
        String report = "Rapport " + team.reportEmails().get(0);
        awaitOnTheBoard(report, "10");
        assertThat(((List<?>) phone.script("return window.asked;")).stream().map(Object::toString))
                .as("asked for while behind").noneMatch(asked -> asked.startsWith("hidden"))
                .as("back in view: the stream again, and the board once").contains("visible /api/leaderboard/stream")
                .anyMatch(asked -> asked.startsWith("visible /leaderboard/table"));
        assertThat(phone.script("return window.streams.map(stream => stream.readyState);"))
                .as("the stream closed while behind, another open").isEqualTo(List.of(2L, 1L));
    }

    @Test
    void back_on_the_leaderboard_from_another_page_it_is_live_again() {
        Team team = Team.of(1);
        String post = postFor(team, "Back " + unique());
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open("/leaderboard?period=week&scope=team");
        phone.script("window.kept = true;");
        phone.find("a[href='/']").click();
        await().until(() -> phone.path().equals("/"));
        phone.driver().navigate().back();
        await().until(() -> phone.path().startsWith("/leaderboard?"));
        // the browser kept the page as it was (back/forward cache): the stream it closed on leaving must listen again
        assertThat(phone.script("return window.kept === true;")).isEqualTo(true);

        Game.share(team.reports().get(0), post, "LINKEDIN");
        awaitOnTheBoard("Rapport " + team.reportEmails().get(0), "10");
    }

    @Test
    void a_leader_sees_every_leaders_flag_and_only_their_own_team() {
        Team mine = Team.of(2);
        Team other = Team.of(1);
        phone.login(mine.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.find("a[href='/leaders']").click();
        await().until(() -> phone.path().equals("/leaders"));

        // the page is live: read what it shows in one go, a region may be replaced at any notice
        List<String> team = phone.texts("table.team tbody tr");
        assertThat(team).hasSize(2);
        assertThat(String.join("\n", team)).contains(mine.reportEmails()).doesNotContain(other.reportEmails().get(0));
        assertThat(phone.attribute(".split", "aria-label")).isEqualTo("2 lurkers, 0 contributors, 0 creators");
        String flags = phone.text("ul.leaders");
        assertThat(flags).contains("Leder " + mine.leaderEmail(), "Leder " + other.leaderEmail(), "Needs attention",
                "Shared nothing in this period.");
        phone.screenshot("leaders");
        assertThat(phone.scrollsSideways()).isFalse();
        assertThat(phone.wordsBrokenOverLines("table.team td")).isEmpty();
        assertThat(phone.text("table.team tbody tr")).contains("Lurker");

        // a report shares while the leader looks: their row, the split and the leader's flag follow without a reload
        phone.script("window.notReloaded = true;");
        String post = postFor(mine, "Live for the leader " + unique());
        Game.share(mine.reports().get(0), post, "LINKEDIN");
        await().atMost(Duration.ofSeconds(15)).until(() -> "1 lurker, 1 contributor, 0 creators"
                .equals(phone.attribute(".split", "aria-label")));
        String row = (String) phone.script("return [...document.querySelectorAll('table.team tbody tr')]"
                + ".map(r => r.textContent).find(t => t.includes(arguments[0]));", mine.reportEmails().get(0));
        assertThat(row).contains("Contributor");
        Game.share(mine.leader(), post, "X");
        String own = "return [...document.querySelectorAll('ul.leaders li')].map(l => l.textContent)"
                + ".find(t => t.includes(arguments[0]));";
        await().atMost(Duration.ofSeconds(15)).until(() -> String.valueOf(phone.script(own, mine.leaderEmail()))
                .contains("1 share in 1 active week and 10 points; the team's median is 5 points (2 in the team)."));
        assertThat(phone.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(phone.scrollsSideways()).isFalse();
    }

    @Test
    void norwegian_readers_get_norwegian_pages() {
        Team team = Team.of(0);
        String title = "Norsk " + unique();
        postFor(team, title);
        try (Browser norwegian = new Browser(base.toString(), "nb-NO,nb,en")) {
            norwegian.login(team.leaderEmail());
            await().until(() -> norwegian.path().equals("/"));
            assertThat(norwegian.driver().getTitle()).startsWith("Dine innlegg");
            assertThat(norwegian.find("nav[aria-label=Hovedmeny]").getText()).contains("Innlegg", "Toppliste");
            assertThat(norwegian.all("article.card .networks button")).extracting(WebElement::getText)
                    .contains("Del på LinkedIn", "Del på X");
            norwegian.screenshot("feed-nb");
        }
        // the switcher, for someone whose browser says English (on a page without infinite scroll moving the footer)
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open("/leaderboard");
        assertThat(phone.find("h1").getText()).isEqualTo("Leaderboard");
        phone.find("footer a[lang=nb]").click();
        await().until(() -> phone.find("h1").getText().equals("Toppliste"));
        assertThat(phone.path()).isEqualTo("/leaderboard");
        phone.open("/");
        assertThat(phone.driver().getTitle()).startsWith("Dine innlegg");
    }

    @Test
    void long_links_and_long_addresses_fit_the_phones_width() {
        // links as marketing pastes them: long, with campaign parameters, no place to break
        String url = "https://www.example.com/nyheter/2026/12/slik-kuttet-vi-svartiden-med-forti-prosent-for-kundene-vare"
                + "?utm_source=nyhetsbrev&utm_medium=epost&ref=" + unique();
        Team team = Team.of(1);
        String title = "Lang lenke " + unique();
        Map<String, Object> post = draft("title", title);
        post.put("url", url);
        post.put("audience", Map.of("teams", List.of(team.name())));
        // and more topics than a phone's width holds
        String lastTopic = "rekruttering-" + unique();
        post.put("topics", List.of("bærekraftsrapporten-" + unique(), "kundeservice-" + unique(), "bergen-" + unique(),
                lastTopic));
        publish(post);

        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        WebElement card = card(title);
        assertThat(card.findElement(By.cssSelector("a.url")).getAttribute("href")).isEqualTo(url);
        phone.screenshot("feed-long-link");
        assertThat(phone.scrollsSideways()).isFalse();
        assertThat(phone.all(".topic-bar a.chip")).hasSizeGreaterThan(4);
        assertThat(phone.script("const bar = document.querySelector('.topic-bar ul');"
                + " return bar.scrollWidth > bar.clientWidth;")).as("the topic bar scrolls sideways by itself").isEqualTo(true);
        phone.open("/?topic=" + lastTopic);
        assertThat(phone.script("const bar = document.querySelector('.topic-bar ul').getBoundingClientRect();"
                + " const chip = document.querySelector('.topic-bar [aria-current]').getBoundingClientRect();"
                + " return chip.left >= bar.left - 1 && chip.right <= bar.right + 1;")) // within a pixel: scrolling is by whole pixels
                .as("the topic filtered by is in view in its bar").isEqualTo(true);
        assertThat(phone.scrollsSideways()).isFalse();

        String marketer = "lise-marie.lenke-johannessen.markedsavdelingen-" + unique() + "@test.fyrtarn.no";
        Api.importEmployees(List.of(Map.of("email", marketer, "name", "Lise Lenke", "roles", List.of("marketing"))));
        phone.driver().manage().deleteAllCookies();
        phone.login(marketer);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/new");
        phone.find("#url").sendKeys(url);
        await().until(() -> phone.find("[data-preview=url]").getText().equals(url));
        phone.screenshot("studio-long-link");
        assertThat(phone.scrollsSideways()).isFalse();
        assertThat(phone.linesOf("footer .logout button")).as("lines of the log-out button beside a long address")
                .isEqualTo(1);
    }

    @Test
    void every_page_fits_a_phone_320_pixels_wide() {
        // WCAG 1.4.10 (Reflow): 320 CSS pixels without scrolling sideways, as on a small phone or with large text
        Team team = Team.of(2);
        Map<String, Object> longLink = draftAbout("hiring", List.of(team.name()));
        longLink.put("title", "Smal skjerm " + unique());
        longLink.put("url", "https://www.example.com/nyheter/2026/12/slik-kuttet-vi-svartiden-med-forti-prosent?ref="
                + unique());
        String post = publish(longLink);
        Game.share(team.reports().get(0), post, "LINKEDIN");
        Game.challenge("En utfordring med et langt navn som må brytes på en smal skjerm " + unique(),
                "et-langt-emne-" + unique(), 3, 30, Duration.ofHours(2));
        String marketer = Api.marketerInDirectory();
        List<String> sideways = new ArrayList<>();
        try (Browser narrow = new Browser(base.toString(), null, 320)) {
            narrow.login(team.leaderEmail());
            await().until(() -> narrow.path().equals("/"));
            narrow.script("document.querySelectorAll('details').forEach(d => d.open = true);");
            narrow.screenshot("feed-320");
            if (narrow.scrollsSideways()) {
                sideways.add("/ (texts open)");
            }
            // "leder-1a2b3c4d@test.fyrtarn.no" fits the line but not beside the button: the button goes under it
            assertThat(narrow.linesOf("footer .who")).as("lines of the signed-in address").isEqualTo(1);
            assertThat(narrow.linesOf("footer .logout button")).as("lines of the log-out button").isEqualTo(1);
            sideways.addAll(widerThan(narrow, List.of("/points", "/leaderboard", "/leaders")));
            narrow.driver().manage().deleteAllCookies();
            narrow.login(marketer);
            await().until(() -> narrow.path().equals("/"));
            sideways.addAll(widerThan(narrow, List.of("/studio", "/studio/new", "/studio/posts", "/studio/" + post)));
        }
        assertThat(sideways).as("pages wider than 320 px").isEmpty();
    }

    /** Those of the pages that, opened one after the other, are wider than the browser's phone. */
    private static List<String> widerThan(Browser browser, List<String> pages) {
        List<String> wider = new ArrayList<>();
        for (String page : pages) {
            browser.open(page);
            if (browser.scrollsSideways()) {
                wider.add(page);
            }
        }
        return wider;
    }

    @Test
    void a_post_goes_from_the_studio_through_a_second_marketers_approval_into_an_employees_feed() {
        String author = "forfatter-" + unique() + "@test.fyrtarn.no";
        String reviewer = "kollega-" + unique() + "@test.fyrtarn.no";
        Api.importEmployees(List.of(Map.of("email", author, "name", "Frida Forfatter", "roles", List.of("marketing")),
                Map.of("email", reviewer, "name", "Kari Kollega", "roles", List.of("marketing"))));
        Team readers = Team.of(0);
        String title = "Fra studioet " + unique();

        phone.login(author);
        await().until(() -> phone.path().equals("/"));
        phone.find("a[href='/studio']").click();
        await().until(() -> phone.path().equals("/studio"));
        phone.find("a[href='/studio/new']").click();
        await().until(() -> phone.path().equals("/studio/new"));
        assertThat(phone.find("[data-preview=title]").isDisplayed()).as("no empty heading before a title").isFalse();
        phone.find("#title").sendKeys(title);
        phone.find("#body").sendKeys("Vi åpner kontor i Tromsø.");
        phone.find("#url").sendKeys("https://example.com/tromso");
        phone.find("#topics").sendKeys("kontor, nord");
        phone.find("#caption-LINKEDIN-0").sendKeys("Nå er vi i Tromsø!");
        phone.find("#caption-LINKEDIN-1").sendKeys("Nordover!");
        phone.find("#caption-X-0").sendKeys("Hei Tromsø");
        // the texts' language, which their fields take at once (for the browser's spelling check)
        phone.find("#language").sendKeys("n");
        assertThat(phone.attribute("#body", "lang")).as("not a tag yet").isNull();
        phone.find("#language").sendKeys("b");
        assertThat(List.of("#title", "#body", "#caption-LINKEDIN-1", "#caption-X-0", ".preview article"))
                .allSatisfy(text -> assertThat(phone.attribute(text, "lang")).as(text).isEqualTo("nb"));
        await().until(() -> phone.find("#count-caption-X-0").isDisplayed());
        assertThat(phone.find("#count-caption-X-0").getText()).isEqualTo("10 / 256");
        assertThat(phone.all(".x-count")).as("one under each variant for X, none for the others")
                .hasSameSizeAs(phone.all("textarea[name=caption_X]")).hasSizeGreaterThan(1);
        phone.find("input[name=teams][value='" + readers.name() + "']").click();
        assertThat(phone.find("[data-preview=title]").getText()).isEqualTo(title);
        assertThat(phone.find("[data-preview=caption]").getText()).isEqualTo("Nå er vi i Tromsø!");
        phone.screenshot("studio-edit");
        assertThat(phone.scrollsSideways()).isFalse();
        phone.find("#post-form button[type=submit]").click();
        await().until(() -> phone.path().matches("/studio/[0-9a-f-]{36}"));
        String post = phone.path().substring("/studio/".length());
        // a last change, then to review: the change goes along, though not saved first
        phone.find("#body").sendKeys(" Velkommen!");
        phone.find("button[formaction$='/submit']").click();
        await().until(() -> phone.path().equals("/studio"));
        Api.as(Api.login(author)).get("/api/posts/" + post).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_REVIEW"))
                .body("body", org.hamcrest.Matchers.equalTo("Vi åpner kontor i Tromsø. Velkommen!"));
        WebElement waiting = phone.find("li.post[data-post='" + post + "']");
        assertThat(waiting.getText()).contains(title, "Yours: another marketer approves it.");
        assertThat(waiting.findElements(By.cssSelector("form[action$='/approve']"))).isEmpty();

        phone.driver().manage().deleteAllCookies();
        phone.login(reviewer);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio");
        phone.screenshot("studio");
        assertThat(phone.find("li.post[data-post='" + post + "']").getText()).as("whose it is")
                .contains("by Frida Forfatter");
        phone.find("li.post[data-post='" + post + "'] a").click(); // read it whole first
        await().until(() -> phone.path().equals("/studio/" + post));
        assertThat(phone.find(".byline").getText()).isEqualTo("by Frida Forfatter");
        phone.open("/studio");
        phone.find("li.post[data-post='" + post + "'] form[action$='/approve'] button").click();
        await().until(() -> phone.path().equals("/studio"));
        assertThat(phone.find("tr[data-post='" + post + "']").getText()).contains(title);
        // the link marketing posts in a chat to have it shared
        phone.find("tr[data-post='" + post + "'] a").click();
        await().until(() -> phone.path().equals("/studio/" + post));
        phone.find(".feed-link button.copy").click();
        await().until(() -> phone.find(".feed-link .copied").isDisplayed());
        String link = phone.clipboard();
        assertThat(link).isEqualTo(phone.find("#feed-link").getAttribute("value")).endsWith("/?post=" + post);

        phone.driver().manage().deleteAllCookies();
        phone.login(readers.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open(link.substring(link.indexOf("/?post=")));
        assertThat(phone.all("article.card")).hasSize(1);
        assertThat(card(title).getText()).contains("Share on LinkedIn");
        phone.find("a.more[href='/']").click();
        await().until(() -> phone.path().equals("/"));
        assertThat(phone.all(".all-posts")).isEmpty();
        WebElement card = card(title);
        assertThat(card.findElement(By.cssSelector(".caption-preview")).getText()).isIn("Nå er vi i Tromsø!", "Nordover!");
        assertThat(card.findElements(By.cssSelector(".chip"))).extracting(WebElement::getText).containsExactly("#kontor", "#nord");
        assertThat(card.findElement(By.tagName("h2")).getAttribute("lang")).as("in the language the studio gave").isEqualTo("nb");
    }

    @Test
    void what_i_typed_in_the_studio_survives_a_session_that_ran_out_before_i_saved_it() {
        String author = Api.marketerInDirectory();
        String title = "Skrevet i en time " + unique();
        phone.login(author);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/new");
        phone.find("#title").sendKeys(title);
        phone.find("#body").sendKeys("Tre avsnitt skrevet med omhu.");
        phone.find("#url").sendKeys("https://example.com/omhu");
        phone.find("input[name=networks][value=LINKEDIN]").click(); // all three are ticked at first
        phone.find("#caption-X-1").sendKeys("Andre variant");
        assertThat(phone.find(".draft-restored").isDisplayed()).isFalse();

        phone.driver().manage().deleteAllCookies(); // the session ran out meanwhile
        phone.find("#post-form button[type=submit]").click();
        await().until(() -> phone.path().startsWith("/login"));
        assertThat(phone.path()).as("back to the form's page, not to the list the form posts to")
                .isEqualTo("/login?next=%2Fstudio%2Fnew");
        phone.find("#email").sendKeys(author);
        phone.find("form.stack button[type=submit]").click();
        await().until(() -> phone.path().equals("/studio/new"));
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo(title);
        assertThat(phone.find("#body").getAttribute("value")).isEqualTo("Tre avsnitt skrevet med omhu.");
        assertThat(phone.find("input[name=networks][value=X]").isSelected()).isTrue();
        assertThat(phone.find("input[name=networks][value=LINKEDIN]").isSelected()).isFalse();
        assertThat(phone.find("#caption-X-1").getAttribute("value")).isEqualTo("Andre variant");
        assertThat(phone.find("#caption-X-0").getAttribute("value")).isEmpty();
        assertThat(phone.find("[data-preview=title]").getText()).as("the preview follows").isEqualTo(title);
        assertThat(phone.text(".draft-restored p")).isEqualTo("Your changes that were not saved are back: this tab kept them for you.");
        phone.screenshot("studio-restored");
        assertThat(phone.scrollsSideways()).isFalse();

        phone.find("#post-form button[type=submit]").click();
        await().until(() -> phone.path().matches("/studio/[0-9a-f-]{36}"));
        String post = phone.path().substring("/studio/".length());
        String token = Api.login(author);
        Api.as(token).get("/api/posts/" + post).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo(title))
                .body("captions.text", org.hamcrest.Matchers.contains("Andre variant"));
        assertThat(phone.find(".draft-restored").isDisplayed()).isFalse();
        // the way back shows the new post's form empty, not what the browser remembers of it, which saved again was a
        // second post
        phone.driver().navigate().back();
        await().until(() -> phone.path().equals("/studio/new"));
        assertThat(phone.find("#title").getAttribute("value")).isEmpty();
        assertThat(phone.find("[data-preview=title]").isDisplayed()).isFalse();
        // saved, so the next new post starts empty
        phone.open("/studio/new");
        assertThat(phone.find("#title").getAttribute("value")).isEmpty();
        assertThat(phone.find(".draft-restored").isDisplayed()).isFalse();
    }

    @Test
    void changes_i_left_unsaved_come_back_to_me_until_i_discard_them_and_to_nobody_else() {
        String author = Api.marketerInDirectory();
        String colleague = Api.marketerInDirectory();
        String post = no.fyrtarn.testing.Posts.create(Api.login(author), draft());
        phone.login(author);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/" + post);
        String saved = phone.find("#title").getAttribute("value");
        phone.find("#title").sendKeys(" (ny vinkel)");
        phone.open("/studio"); // away without saving
        phone.open("/studio/" + post);
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo(saved + " (ny vinkel)");
        phone.find(".draft-restored button").click();
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo(saved);
        assertThat(phone.find("[data-preview=title]").getText()).isEqualTo(saved);
        assertThat(phone.find(".draft-restored").isDisplayed()).isFalse();
        phone.open("/studio/" + post);
        assertThat(phone.find("#title").getAttribute("value")).as("discarded for good").isEqualTo(saved);

        phone.find("#title").sendKeys(" (mitt utkast)");
        phone.find("footer .logout button").click();
        await().until(() -> phone.path().equals("/login"));
        phone.login(colleague);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/" + post);
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo(saved);
        assertThat(phone.find(".draft-restored").isDisplayed()).isFalse();
    }

    @Test
    void my_save_over_a_colleagues_keeps_my_version_for_me_to_save_knowingly_even_after_stepping_away() {
        String author = Api.marketerInDirectory();
        String token = Api.login(author);
        String post = no.fyrtarn.testing.Posts.create(token, draft());
        phone.login(author);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/" + post);
        // saved meanwhile by a colleague (here through the API)
        Map<String, Object> theirs = draft();
        theirs.put("title", "Kollegaens tittel");
        String etag = Api.as(token).get("/api/posts/" + post).getHeader("ETag");
        Api.as(token).header("If-Match", etag).body(theirs).put("/api/posts/" + post).then().statusCode(200);

        phone.find("#title").clear();
        phone.find("#title").sendKeys("Min tittel");
        phone.find("#post-form button[type=submit]").click();
        await().until(() -> !phone.all(".panel.error").isEmpty());
        assertThat(phone.text(".panel.error")).startsWith("This draft was saved again after this form was opened");
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo("Min tittel");
        phone.screenshot("studio-changed-meanwhile");
        phone.open("/studio"); // away for a moment, then back
        phone.open("/studio/" + post);
        assertThat(phone.find("#title").getAttribute("value")).isEqualTo("Min tittel");
        assertThat(phone.find(".draft-restored").isDisplayed()).isTrue();
        phone.find("#post-form button[type=submit]").click();
        await().until(() -> "Min tittel".equals(Api.as(token).get("/api/posts/" + post).path("title")));
    }

    @Test
    void a_draft_edited_in_the_studio_keeps_the_times_an_api_client_gave_it_to_the_microsecond() {
        String author = Api.marketerInDirectory();
        String token = Api.login(author);
        Instant publishAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000);
        Instant expiresAt = publishAt.plus(Duration.ofDays(7));
        Map<String, Object> body = draft("publishAt", publishAt.toString()); // as Python's isoformat writes it
        body.put("expiresAt", expiresAt.toString());
        String post = no.fyrtarn.testing.Posts.create(token, body);

        phone.login(author);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/" + post);
        phone.find("#title").sendKeys(" (rettet)");
        phone.find("#post-form button[type=submit]").click();
        await().until(() -> Api.as(token).get("/api/posts/" + post).path("title").toString().endsWith(" (rettet)"));
        var saved = Api.as(token).get("/api/posts/" + post).then().statusCode(200).extract().jsonPath();
        // the browser emptied a field with six digits after the second, and saving dropped both times
        assertThat(saved.getString("publishAt")).isEqualTo(publishAt.truncatedTo(ChronoUnit.MILLIS).toString());
        assertThat(saved.getString("expiresAt")).isEqualTo(expiresAt.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    @Test
    void the_studio_follows_a_posts_shares_and_clicks_without_a_reload() {
        String marketer = Api.marketerInDirectory();
        String post = publish(draft());
        phone.login(marketer);
        await().until(() -> phone.path().equals("/"));
        phone.open("/studio/" + post);
        assertThat(oneLine(phone.text("#post-live .muted"))).endsWith("Shares: 0 · Clicks: 0");
        phone.script("window.stayedOpen = true;");

        Api.Person sharer = employeeIn(null);
        String url = Api.as(sharer.token()).body("{\"network\": \"X\"}").post("/api/posts/" + post + "/shares")
                .then().statusCode(201).extract().path("trackedUrl");
        String row = "#post-live tr[data-employee='" + sharer.employeeId() + "'][data-network='X']";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(oneLine(phone.text("#post-live .muted"))).endsWith("Shares: 1 · Clicks: 0");
            assertThat(phone.texts(row + " td.num")).containsExactly("1", "0");
        });
        click(url.substring(url.indexOf("/s/")), 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(oneLine(phone.text("#post-live .muted"))).endsWith("Shares: 1 · Clicks: 1");
            assertThat(phone.texts(row + " td.num")).containsExactly("1", "1");
            assertThat(phone.text("#post-live .by-network [data-network=X]")).isEqualTo("X: 1 share, 1 click");
        });
        assertThat(phone.script("return window.stayedOpen === true;")).as("the same page, not reloaded").isEqualTo(true);

        // a stream of clicks makes a notice every quarter second; the page asks for its figures every 2 s at most
        String fetches = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/studio/"
                + post + "/live')).map(e => e.startTime);";
        long before = ((List<?>) phone.script(fetches)).size();
        double from = ((Number) phone.script("return performance.now();")).doubleValue();
        for (int reader = 100; reader < 140; reader++) {
            click(url.substring(url.indexOf("/s/")), reader);
            sleep(75);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(oneLine(phone.text("#post-live .muted"))).endsWith("Clicks: 41"));
        double until = ((Number) phone.script("return performance.now();")).doubleValue();
        long during = ((List<?>) phone.script(fetches)).size() - before;
        assertThat(during).as("fetches in %.0f ms", until - from).isLessThanOrEqualTo((long) ((until - from) / 2000) + 1);

        // and the studio's list of live posts
        phone.open("/studio");
        String listed = "#live-posts tr[data-post='" + post + "'] td.num";
        assertThat(phone.texts(listed)).containsExactly("1", "41");
        phone.script("window.stayedOpen = true;");
        click(url.substring(url.indexOf("/s/")), 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(phone.texts(listed)).containsExactly("1", "42"));
        assertThat(phone.script("return window.stayedOpen === true;")).as("the same page, not reloaded").isEqualTo(true);
    }

    @Test
    void a_post_published_while_the_feed_is_open_is_offered_when_i_come_back_to_it() {
        Team team = Team.of(0);
        // a topic of its own: posts other tests published with their clock moved ahead stay on top of the whole feed
        String topic = "nytt-" + unique();
        for (int i = 0; i < 3; i++) {
            postFor(team, "Før " + i + " " + unique(), topic);
        }
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open("/?topic=" + topic);
        String later = "Nytt " + unique();
        postFor(team, later, topic);
        assertThat(phone.all("a.new-posts")).isEmpty();
        phone.script("document.querySelectorAll('article.card')[2].scrollIntoView();"); // reading further down

        phone.script("document.dispatchEvent(new Event('visibilitychange'));"); // as when the phone is unlocked
        await().until(() -> !phone.all("a.new-posts").isEmpty());
        WebElement news = phone.find("a.new-posts");
        assertThat(news.getText()).isEqualTo("1 new post: show it");
        assertThat(news.isDisplayed()).isTrue();
        assertThat((Boolean) phone.script("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", news)).as("in view where I read").isTrue();
        phone.screenshot("feed-new-posts");
        assertThat(phone.scrollsSideways()).isFalse();

        phone.click("a.new-posts");
        await().until(() -> phone.path().equals("/?topic=" + topic));
        await().until(() -> phone.all("article.card h2").get(0).getText().equals(later));
        assertThat(phone.all("a.new-posts")).isEmpty();
    }

    @Test
    void back_on_the_feed_from_another_page_it_asks_once_for_new_posts() {
        Team team = Team.of(1);
        String topic = "tilbake-" + unique();
        postFor(team, "Før " + unique(), topic);
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        phone.open("/?topic=" + topic);
        // counts the page's requests for new posts; a page the browser keeps (back/forward cache) keeps the count
        phone.script("window.asks = 0; const fetched = window.fetch;"
                + " window.fetch = (url, options) => { if (String(url).startsWith('/feed/new')) window.asks++;"
                + " return fetched(url, options); };");
        postFor(team, "Nytt " + unique(), topic);
        phone.find("a[href='/leaderboard']").click();
        await().until(() -> phone.path().equals("/leaderboard"));

        phone.driver().navigate().back();
        await().until(() -> phone.path().equals("/?topic=" + topic));
        assertThat(phone.script("return window.asks !== undefined;")).as("the page kept, not loaded again").isEqualTo(true);
        await().until(() -> !phone.all("a.new-posts").isEmpty());
        assertThat(phone.find("a.new-posts").getText()).isEqualTo("1 new post: show it");
        // the page comes back into view and is shown again from the cache: one question, one request
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(((Number) phone.script("return window.asks;")).intValue()).isEqualTo(1));
    }

    @Test
    void scrolling_to_the_end_of_the_feed_brings_the_next_cards() {
        Team team = Team.of(0);
        String oldest = "Eldst " + unique();
        postFor(team, oldest);
        for (int i = 0; i < FeedPage.PAGE_SIZE; i++) {
            postFor(team, "Nyere " + i + " " + unique());
        }
        phone.login(team.leaderEmail());
        await().until(() -> phone.path().equals("/"));
        assertThat(phone.all("article.card")).hasSize(FeedPage.PAGE_SIZE);
        phone.script("document.querySelector('a.more').scrollIntoView();");
        await().until(() -> phone.all("article.card").size() > FeedPage.PAGE_SIZE);
        await().until(() -> phone.all("article.card h2").stream().anyMatch(h -> h.getText().equals(oldest)));
        assertThat(phone.path()).isEqualTo("/");
    }

    @Test
    void my_points_fit_the_phone_with_a_days_clicks_on_a_link_as_one_line() {
        String title = "Slik kuttet vi svartiden med førti prosent for kundene våre i hele Norden " + unique();
        Api.Person sharer = employeeIn(null);
        String url = Api.as(sharer.token()).body("{\"network\": \"LINKEDIN\"}")
                .post("/api/posts/" + publish(draft("title", title)) + "/shares").then().statusCode(201).extract()
                .path("trackedUrl");
        for (int i = 0; i < 3; i++) {
            io.restassured.RestAssured.given().redirects().follow(false)
                    .header("User-Agent", "Mozilla/5.0 (iPhone) Safari/605.1." + i)
                    .get(url.substring(url.indexOf("/s/"))).then().statusCode(302);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(sharer.token()).get("/api/me/points").then()
                .extract().jsonPath().getList("items").size() == 4);

        phone.login(sharer.email());
        await().until(() -> phone.path().equals("/"));
        phone.click(".see-points a");
        await().until(() -> phone.path().equals("/points"));
        assertThat(phone.all(".ledger li")).extracting(li -> oneLine(li.getText())).satisfiesExactly(
                clicks -> assertThat(clicks).startsWith("3 clicks on my LinkedIn link to “" + title + "”")
                        .endsWith("+3"),
                share -> assertThat(share).startsWith("Shared “" + title + "” on LinkedIn").endsWith("+10"));
        phone.screenshot("points");
        assertThat(phone.scrollsSideways()).isFalse();
    }
}
