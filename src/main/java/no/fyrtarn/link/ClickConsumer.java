package no.fyrtarn.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.link.LinkClickRepository.Visitor;
import no.fyrtarn.outbox.EventBatches;

/**
 * Judges each link.clicked event: HEAD and link-preview bots do not count, and a client counts once per code within
 * the window. The rule looks both ways in time, so a click that arrives late (after a retry) cannot make a pair count
 * twice. Only counted clicks are stored ({@code link_click}); the others are counted in the metric
 * {@code fyrtarn.clicks.judged} by verdict. A redelivered event changes nothing: if it counted, its id is stored
 * already, and the rule finds that stored click as its repeat. Records arrive in batches, judged in one transaction
 * per batch, which also tells {@link ClicksCounted} observers (points) about the counted ones.
 */
@ApplicationScoped
public class ClickConsumer {

    private static final String CONSUMER = "clicks";

    @Inject
    LinkClickRepository clicks;

    @Inject
    LinkConfig config;

    @Inject
    EventBatches batches;

    @Inject
    Event<ClicksCounted> countedClicks;

    @Inject
    MeterRegistry registry;

    /** The configured preview bots in lower case, once, not once per click. */
    private List<String> previewBots;

    private final Map<LinkClick.Verdict, Counter> judgedClicks = new EnumMap<>(LinkClick.Verdict.class);

    @PostConstruct
    void init() {
        previewBots = config.counting().previewBots().stream().map(bot -> bot.toLowerCase(Locale.ROOT)).toList();
        for (LinkClick.Verdict verdict : LinkClick.Verdict.values()) {
            judgedClicks.put(verdict, registry.counter("fyrtarn.clicks.judged", "verdict", verdict.name()));
        }
    }

    @Incoming("clicks")
    @Blocking
    public void onClicks(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        var events = batches.read(CONSUMER, records, ClickEventJson::read, ClickEvent::clickId);
        if (!events.isEmpty()) {
            Map<LinkClick.Verdict, Integer> verdicts = new EnumMap<>(LinkClick.Verdict.class);
            batches.inTransaction(CONSUMER, events.size(), () -> {
                verdicts.clear(); // a failed attempt's verdicts were rolled back with it
                judge(events, verdicts);
            });
            verdicts.forEach((verdict, clicks) -> judgedClicks.get(verdict).increment(clicks));
        }
    }

    /**
     * A redelivered click is judged again, but its row is not written twice and its points are not given twice: it
     * finds its own stored row (a repeat of itself, if it was counted) and the insert skips its id.
     *
     * @param verdicts gets the number of clicks per verdict
     */
    private void judge(List<EventBatches.Received<ClickEvent>> events, Map<LinkClick.Verdict, Integer> verdicts) {
        List<ClickEvent> batch = events.stream().map(EventBatches.Received::payload).toList();
        Duration window = config.counting().window();
        Instant from = batch.stream().map(ClickEvent::at).min(Instant::compareTo).orElseThrow().minus(window);
        Instant to = batch.stream().map(ClickEvent::at).max(Instant::compareTo).orElseThrow().plus(window);
        Set<Visitor> visitors = new HashSet<>();
        for (ClickEvent click : batch) {
            visitors.add(visitor(click));
            if (click.adjacentDayClientHash() != null) {
                visitors.add(adjacentDayVisitor(click));
            }
        }
        Map<Visitor, List<Instant>> counted = clicks.countedBetween(visitors, from, to);
        List<ClickEvent> toCount = new ArrayList<>();
        for (ClickEvent click : batch) {
            LinkClick.Verdict verdict = verdict(click, counted, window);
            verdicts.merge(verdict, 1, Integer::sum);
            if (verdict == LinkClick.Verdict.COUNTED) {
                counted.computeIfAbsent(visitor(click), v -> new ArrayList<>()).add(click.at());
                toCount.add(click);
            }
        }
        if (!toCount.isEmpty()) {
            Set<UUID> stored = clicks.insertNew(toCount.stream().map(LinkClick::new).toList());
            List<ClickEvent> countedNow = toCount.stream().filter(click -> stored.contains(click.clickId())).toList();
            if (!countedNow.isEmpty()) {
                countedClicks.fire(new ClicksCounted(countedNow));
            }
        }
    }

    /**
     * {@code counted}: the times of counted clicks near this one, stored or judged earlier in the batch, by visitor.
     * Within the window of midnight UTC the click's client may have counted under the other day's hash as well.
     */
    private LinkClick.Verdict verdict(ClickEvent click, Map<Visitor, List<Instant>> counted, Duration window) {
        if ("HEAD".equalsIgnoreCase(click.method())) {
            return LinkClick.Verdict.HEAD;
        }
        if (isPreviewBot(click.userAgent())) {
            return LinkClick.Verdict.PREVIEW_BOT;
        }
        boolean repeat = countedWithin(counted.get(visitor(click)), click.at(), window)
                || click.adjacentDayClientHash() != null
                        && countedWithin(counted.get(adjacentDayVisitor(click)), click.at(), window);
        return repeat ? LinkClick.Verdict.REPEAT : LinkClick.Verdict.COUNTED;
    }

    private static boolean countedWithin(List<Instant> counted, Instant at, Duration window) {
        long windowNanos = window.toNanos();
        return counted != null
                && counted.stream().anyMatch(other -> Math.abs(Duration.between(other, at).toNanos()) < windowNanos);
    }

    private static Visitor visitor(ClickEvent click) {
        return new Visitor(click.linkCode(), click.clientHash());
    }

    private static Visitor adjacentDayVisitor(ClickEvent click) {
        return new Visitor(click.linkCode(), click.adjacentDayClientHash());
    }

    /** No user agent at all is a script, not a person: not counted either. */
    private boolean isPreviewBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return previewBots.stream().anyMatch(agent::contains);
    }
}
