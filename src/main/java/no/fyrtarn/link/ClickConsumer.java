package no.fyrtarn.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.EventBatches;

/**
 * Judges each link.clicked event once: HEAD and link-preview bots do not count, and a client counts once per code
 * within the window. The rule looks both ways in time, so a click that arrives late (after a retry) cannot make a pair
 * count twice. A redelivered event has an id already stored and changes nothing. Records arrive in batches, judged in
 * one transaction per batch, which also tells {@link ClicksCounted} observers (points) about the counted ones.
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

    /** The configured preview bots in lower case, once, not once per click. */
    private List<String> previewBots;

    @PostConstruct
    void lowerCaseBots() {
        previewBots = config.counting().previewBots().stream().map(bot -> bot.toLowerCase(Locale.ROOT)).toList();
    }

    @Incoming("clicks")
    @Blocking
    public void onClicks(ConsumerRecords<String, String> records) throws InterruptedException {
        var events = batches.read(CONSUMER, records, ClickEvent.class, ClickEvent::clickId);
        if (!events.isEmpty()) {
            batches.inTransaction(CONSUMER, events.size(), () -> judge(events));
        }
    }

    /**
     * A redelivered click is judged again, but its row is not written twice and its points are not given twice: it
     * finds its own stored row (a repeat of itself, if it was counted) and the insert skips its id.
     */
    private void judge(List<EventBatches.Received<ClickEvent>> events) {
        List<ClickEvent> batch = events.stream().map(EventBatches.Received::payload).toList();
        Duration window = config.counting().window();
        Instant from = batch.stream().map(ClickEvent::at).min(Instant::compareTo).orElseThrow().minus(window);
        Instant to = batch.stream().map(ClickEvent::at).max(Instant::compareTo).orElseThrow().plus(window);
        List<LinkClickRepository.Counted> counted = new ArrayList<>(clicks.countedBetween(
                batch.stream().map(ClickEvent::linkCode).collect(Collectors.toSet()), from, to));
        List<LinkClick> judged = new ArrayList<>(batch.size());
        for (ClickEvent click : batch) {
            LinkClick.Verdict verdict = verdict(click, counted);
            if (verdict == LinkClick.Verdict.COUNTED) {
                counted.add(new LinkClickRepository.Counted(click.linkCode(), click.clientHash(), click.at()));
            }
            judged.add(new LinkClick(click, verdict));
        }
        Set<UUID> stored = clicks.insertNew(judged);
        List<ClickEvent> countedNow = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (judged.get(i).verdict() == LinkClick.Verdict.COUNTED && stored.contains(judged.get(i).id())) {
                countedNow.add(batch.get(i));
            }
        }
        if (!countedNow.isEmpty()) {
            countedClicks.fire(new ClicksCounted(countedNow));
        }
    }

    /** {@code counted}: counted clicks near this one, stored or judged earlier in the batch. */
    LinkClick.Verdict verdict(ClickEvent click, List<LinkClickRepository.Counted> counted) {
        if ("HEAD".equalsIgnoreCase(click.method())) {
            return LinkClick.Verdict.HEAD;
        }
        if (isPreviewBot(click.userAgent())) {
            return LinkClick.Verdict.PREVIEW_BOT;
        }
        long window = config.counting().window().toNanos();
        boolean repeat = counted.stream().anyMatch(c -> c.code().equals(click.linkCode())
                && c.clientHash().equals(click.clientHash())
                && Math.abs(Duration.between(c.at(), click.at()).toNanos()) < window);
        return repeat ? LinkClick.Verdict.REPEAT : LinkClick.Verdict.COUNTED;
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
