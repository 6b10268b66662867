package no.fyrtarn.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import no.fyrtarn.outbox.DeadLetters;

/**
 * Judges each link.clicked event once: HEAD and link-preview bots do not count, and a client counts once per code
 * within the window. The rule looks both ways in time, so a click that arrives late (after a retry) cannot make a pair
 * count twice. A redelivered event has an id already stored and changes nothing. Records arrive in batches, judged in
 * one transaction per batch; an unreadable record goes to the DLQ and the rest of its batch goes on.
 */
@ApplicationScoped
public class ClickConsumer {

    private static final Logger LOG = Logger.getLogger(ClickConsumer.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private volatile boolean stopping;

    @Inject
    LinkClickRepository clicks;

    @Inject
    LinkConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    DeadLetters deadLetters;

    /**
     * A failing database is retried with back-off for as long as it takes (the partition waits; nothing is skipped or
     * dead-lettered, since the records are fine). During shutdown a failure is final instead: the batch is not
     * acknowledged, the channel stops, and the batch is redelivered after the restart.
     */
    @Incoming("clicks")
    @Blocking
    public void onClicks(ConsumerRecords<String, String> records) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> judge(records));
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.warnf("Could not judge %d clicks (attempt %d), retrying: %s", records.count(), attempt, e.toString());
                Thread.sleep(Math.min(MAX_BACKOFF_MS, 250L << Math.min(attempt, 10)));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void judge(ConsumerRecords<String, String> records) {
        Map<UUID, ClickEvent> batch = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ClickEvent click = readable(json.readValue(record.value(), ClickEvent.class));
                batch.putIfAbsent(click.clickId(), click);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                deadLetters.send(record, e);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        clicks.existing(batch.keySet()).forEach(batch::remove); // redelivered: judged before
        if (batch.isEmpty()) {
            return;
        }
        Duration window = config.counting().window();
        Instant from = batch.values().stream().map(ClickEvent::at).min(Instant::compareTo).orElseThrow().minus(window);
        Instant to = batch.values().stream().map(ClickEvent::at).max(Instant::compareTo).orElseThrow().plus(window);
        List<LinkClickRepository.Counted> counted = new ArrayList<>(clicks.countedBetween(
                batch.values().stream().map(ClickEvent::linkCode).collect(Collectors.toSet()), from, to));
        List<LinkClick> judged = new ArrayList<>(batch.size());
        for (ClickEvent click : batch.values()) {
            LinkClick.Verdict verdict = verdict(click, counted);
            if (verdict == LinkClick.Verdict.COUNTED) {
                counted.add(new LinkClickRepository.Counted(click.linkCode(), click.clientHash(), click.at()));
            }
            judged.add(new LinkClick(click, verdict));
        }
        clicks.insertAll(judged);
    }

    private static ClickEvent readable(ClickEvent click) {
        if (click.clickId() == null || click.linkCode() == null || click.postId() == null || click.employeeId() == null
                || click.network() == null || click.at() == null || click.clientHash() == null || click.method() == null) {
            throw new IllegalArgumentException("link.clicked without clickId, linkCode, postId, employeeId, network, at, "
                    + "clientHash or method");
        }
        return click;
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
        return config.counting().previewBots().stream().anyMatch(bot -> agent.contains(bot.toLowerCase(Locale.ROOT)));
    }
}
