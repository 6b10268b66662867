package no.fyrtarn.link;

import static io.restassured.RestAssured.given;
import static no.fyrtarn.link.RedirectResourceTest.trackedPath;
import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Posts.marketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import no.fyrtarn.outbox.OutboxRepository;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.testing.EmbeddedInfrastructureResource;
import no.fyrtarn.testing.MovableClock;
import no.fyrtarn.testing.RawHttp;
import no.fyrtarn.testing.TopicReader;
import no.fyrtarn.testing.TopicWriter;

/** From a click on /s/{code} through the outbox, Kafka and the click consumer to marketing's stats. */
@QuarkusTest
class ClickCountingTest {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36";
    private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

    @Inject
    LinkClickRepository clicks;

    @Inject
    MovableClock clock;

    @Inject
    LinkCache cache;

    @Inject
    ClientHasher clients;

    @Inject
    OutboxRepository outbox;

    @Inject
    KafkaClientService kafkaClients;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void cleanUp() {
        clock.reset();
        EmbeddedInfrastructureResource.ensureKafkaRunning();
    }

    private static void click(String path, String userAgent) {
        given().redirects().follow(false).header("User-Agent", userAgent).get(path).then().statusCode(302);
    }

    private static String code(String path) {
        return path.substring("/s/".length());
    }

    /**
     * The clicks stored as counted on the code once every click sent to it so far has been judged. One owner's clicks
     * are judged in order, so a click from a new client is sent after them and waited for; it is not included.
     */
    static long countedOnceJudged(LinkClickRepository clicks, String path) {
        String marker = "Mozilla/5.0 (marker " + UUID.randomUUID() + ")";
        click(path, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(clicks, path).contains(marker));
        return stored(clicks, path).stream().filter(agent -> !agent.startsWith("Mozilla/5.0 (marker ")).count();
    }

    /** The user agents of the code's stored (counted) clicks. */
    static List<String> stored(LinkClickRepository clicks, String path) {
        return QuarkusTransaction.requiringNew().call(() -> clicks.list("linkCode", code(path)).stream()
                .map(LinkClick::userAgent).toList());
    }

    private double judged(LinkClick.Verdict verdict) {
        return registry.counter("fyrtarn.clicks.judged", "verdict", verdict.name()).count();
    }

    private static long clicksOf(String postId) {
        return as(marketer()).get("/api/posts/" + postId).then().statusCode(200).extract().jsonPath()
                .getLong("stats.clicks");
    }

    private static String postOf(String path) {
        return given().redirects().follow(false).head(path).header("Location").replaceAll(".*utm_content=", "");
    }

    @Test
    void a_click_counts_and_marketing_sees_it_on_the_post_within_seconds() {
        String path = trackedPath("https://example.com/count", null);
        String postId = postOf(path); // HEAD: redirected, not counted
        click(path, PHONE);

        await().atMost(Duration.ofSeconds(5)).until(() -> clicksOf(postId) == 1);
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);
        assertThat(as(marketer()).get("/api/posts/" + postId).then().extract().jsonPath().getLong("stats.shares"))
                .isEqualTo(1);
    }

    @Test
    void a_click_whose_query_holds_what_a_browser_leaves_unencoded_counts() throws Exception {
        String path = trackedPath("https://example.com/count-as-sent", null);
        RawHttp.Answer answer = RawHttp.get(base, path + "?utm_content={{ad.name}}&ref=news|dec",
                "User-Agent: " + PHONE);

        assertThat(answer.status()).isEqualTo(302); // before session 61 an empty 400, and no click
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);
    }

    @Test
    void link_preview_bots_and_head_are_redirected_but_not_counted_nor_stored() {
        double bots = judged(LinkClick.Verdict.PREVIEW_BOT), heads = judged(LinkClick.Verdict.HEAD);
        String path = trackedPath("https://example.com/bots", null);
        for (String bot : List.of("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "Twitterbot/1.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0",
                "TelegramBot (like TwitterBot)", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")) {
            click(path, bot);
        }
        click(path, ""); // no user agent: a script
        given().redirects().follow(false).header("User-Agent", PHONE).head(path).then().statusCode(302);
        click(path, PHONE);

        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);
        assertThat(stored(clicks, path)).doesNotContain("Twitterbot/1.0", "");
        // operations still see them: the metric counts every judged click by verdict
        assertThat(judged(LinkClick.Verdict.PREVIEW_BOT)).isGreaterThanOrEqualTo(bots + 8);
        assertThat(judged(LinkClick.Verdict.HEAD)).isGreaterThanOrEqualTo(heads + 1);
    }

    @Test
    void crawlers_are_not_counted_and_people_in_an_apps_browser_are() {
        String path = trackedPath("https://example.com/crawlers", null);
        List<String> crawlers = List.of(
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
                "CCBot/2.0 (https://commoncrawl.org/faq/)",
                "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
                "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
                        + "(compatible; Bytespider; spider-feedback@bytedance.com)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 "
                        + "Safari/537.36");
        crawlers.forEach(crawler -> click(path, crawler));
        List<String> people = List.of(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Mobile/15E148 [LinkedInApp]/9.30.1234",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Mobile/22B83 [FBAN/FBIOS;FBAV/489.0.0.43.107;FBBV/654321;FBDV/iPhone16,2;FBMD/iPhone]",
                "Mozilla/5.0 (Linux; Android 13; CUBOT KINGKONG 9) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.6778.81 Mobile Safari/537.36");
        people.forEach(person -> click(path, person));

        assertThat(countedOnceJudged(clicks, path)).isEqualTo(people.size());
        assertThat(stored(clicks, path)).containsAll(people).doesNotContainAnyElementsOf(crawlers);
    }

    @Test
    void a_client_counts_once_per_code_within_thirty_minutes() {
        String path = trackedPath("https://example.com/dedupe", null);
        click(path, PHONE);
        click(path, PHONE);
        click(path, LAPTOP); // another client
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(29));
        click(path, PHONE);
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2)); // 31 minutes after the counted click
        click(path, PHONE);
        assertThat(countedOnceJudged(clicks, path)).isEqualTo(3);
    }

    /** The next midnight UTC; the keys of today and tomorrow exist already. */
    private Instant nextMidnight() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void a_client_counts_once_within_thirty_minutes_across_midnight_utc_where_its_hash_changes() {
        String path = trackedPath("https://example.com/midnight", null);
        clock.advance(Duration.between(clock.instant(), nextMidnight().minus(Duration.ofMinutes(10))));
        click(path, PHONE); // 23:50
        clock.advance(Duration.ofMinutes(20));
        click(path, PHONE); // 00:10, under the new day's key: a repeat all the same
        click(path, LAPTOP);

        assertThat(countedOnceJudged(clicks, path)).isEqualTo(2);
    }

    @Test
    void a_click_from_before_midnight_that_arrives_after_one_from_after_it_does_not_count_again() {
        String path = trackedPath("https://example.com/late", null);
        LinkService.Target target = cache.target(code(path)).join().orElseThrow();
        Instant midnight = nextMidnight();
        Instant early = midnight.minus(Duration.ofMinutes(10)), late = midnight.plus(Duration.ofMinutes(10));
        try (var producer = new TopicWriter()) {
            // as a click sent through the outbox arrives: after a later one
            send(producer, ClickEvent.of(target, late, clients.identify("203.0.113.7", PHONE, late), PHONE, "GET"));
            await().atMost(Duration.ofSeconds(20)).until(() -> stored(clicks, path).size() == 1);
            send(producer, ClickEvent.of(target, early, clients.identify("203.0.113.7", PHONE, early), PHONE, "GET"));
        }

        assertThat(countedOnceJudged(clicks, path)).isEqualTo(1);
    }

    private static void send(TopicWriter producer, ClickEvent click) {
        producer.send(Topics.CLICKS, click.employeeId().toString(),
                ClickEventJson.write(click, new ByteArrayOutputStream()), Map.of());
    }

    @Test
    void a_client_counts_on_each_link_it_clicks_and_each_client_on_a_link_counts() {
        String first = trackedPath("https://example.com/first", null);
        String second = trackedPath("https://example.com/second", null);
        click(first, PHONE);
        click(second, PHONE);
        click(second, LAPTOP);
        click(second, PHONE);

        assertThat(countedOnceJudged(clicks, first)).isEqualTo(1);
        assertThat(countedOnceJudged(clicks, second)).isEqualTo(2);
    }

    @Test
    void the_click_event_carries_the_attribution_and_a_hash_instead_of_the_address() {
        String path = trackedPath("https://example.com/event", null);
        try (var reader = new TopicReader(Topics.CLICKS)) {
            click(path, PHONE);
            String employeeId = QuarkusTransaction.requiringNew().call(
                    () -> clicks.getEntityManager().find(TrackedLink.class, code(path)).employeeId().toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> !reader.withKey(employeeId).isEmpty());

            var record = reader.withKey(employeeId).get(0);
            assertThat(TopicReader.headers(record)).containsEntry("ce_type", "link.clicked");
            JsonPath event = new JsonPath(record.value());
            assertThat(event.getString("clickId")).isEqualTo(TopicReader.headers(record).get("ce_id"));
            assertThat(event.getString("linkCode")).isEqualTo(code(path));
            assertThat(event.getString("employeeId")).isEqualTo(employeeId);
            assertThat(event.getString("network")).isEqualTo("LINKEDIN");
            assertThat(event.getString("shareId")).isNotBlank();
            assertThat(event.getString("postId")).isNotBlank();
            assertThat(event.getString("method")).isEqualTo("GET");
            assertThat(event.getString("userAgent")).isEqualTo(PHONE);
            assertThat(event.getString("clientHash")).matches("[0-9a-f]{32}");
            assertThat(record.value()).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void a_redelivered_click_is_counted_once_and_an_unreadable_one_goes_to_the_dlq() throws Exception {
        String path = trackedPath("https://example.com/redelivery", null);
        String postId = postOf(path);
        click(path, PHONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> clicksOf(postId) == 1);
        String employeeId = QuarkusTransaction.requiringNew().call(
                () -> clicks.getEntityManager().find(TrackedLink.class, code(path)).employeeId().toString());
        String original;
        try (var reader = new TopicReader(Topics.CLICKS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> reader.withKey(employeeId).size() == 2);
            original = reader.withKey(employeeId).stream()
                    .filter(r -> r.value().contains("\"GET\"")).findFirst().orElseThrow().value();
        }
        String garbage = "not json " + employeeId;
        try (var producer = new TopicWriter(); var dlq = new TopicReader(Topics.DLQ)) {
            producer.send(Topics.CLICKS, employeeId, original);
            producer.send(Topics.CLICKS, employeeId, garbage);
            producer.send(Topics.CLICKS, employeeId, (byte[]) null, Map.of()); // a tombstone does not stop the consumer

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.bytesWithKey(employeeId).size() == 2);
            assertThat(dlq.withKey(employeeId)).extracting(ConsumerRecord::value).containsExactly(garbage, null);
            var dead = dlq.withKey(employeeId).get(0);
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .isNotBlank();
        }
        // the redelivered copy came before the garbage on the same partition, so it has been handled by now
        assertThat(stored(clicks, path)).containsExactly(PHONE);
        assertThat(clicksOf(postId)).isEqualTo(1);
    }

    /**
     * Soon after the broker went away, the service's producer forgets where the clicks topic's partitions are; from then
     * on every send waits {@code max.block.ms} (5 s) for them before it fails.
     */
    private void awaitProducerForgotTheClicksTopic() {
        var producer = kafkaClients.<String, byte[]>getProducer("outbox").unwrap();
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                producer.partitionsFor(Topics.CLICKS);
                return false;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                return true;
            }
        });
    }

    @Test
    void no_click_is_lost_while_kafka_is_down() throws Exception {
        String path = trackedPath("https://example.com/outage", null);
        String postId = postOf(path);
        click(path, PHONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> clicksOf(postId) == 1);

        EmbeddedInfrastructureResource.kafka().stop();
        awaitProducerForgotTheClicksTopic();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) { // at once: one batch for the recorder
            var redirects = IntStream.range(0, 20)
                    .mapToObj(i -> clients.submit(() -> click(path, LAPTOP + " client/" + i))).toList();
            for (var redirect : redirects) {
                redirect.get(); // each was answered with its 302 while the broker was away
            }
        }
        // Kafka did not acknowledge them: they wait in the outbox, not in memory. A recorder that sent click after
        // click to a producer waiting 5 s for each would hold them in memory for minutes (and drop them once its
        // queue is full)
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> outbox.count("topic", Topics.CLICKS)) >= 20);
        EmbeddedInfrastructureResource.kafka().restart();

        await().atMost(Duration.ofSeconds(60)).until(() -> clicksOf(postId) == 21);
    }
}
