package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.TransactionMemo;
import no.fyrtarn.outbox.Outbox;
import no.fyrtarn.outbox.Topics;
import no.fyrtarn.post.Network;

/**
 * Writes awards into the ledger and announces each one as points.awarded (through the outbox, in the same
 * transaction). An award is keyed by (source event, rule), so a redelivered event earns nothing twice.
 */
@ApplicationScoped
public class Points {

    public static final String AWARDED = "points.awarded";

    /**
     * Payload of points.awarded on fyrtarn.points, keyed by employee id. {@code action}: what earned it;
     * {@code postId} and {@code network}: the post (and network) it was for, null for what no post earned (a
     * challenge's bonus).
     */
    public record PointsAwarded(@NotNull UUID awardId, @NotNull UUID employeeId, int points, String reason,
            UUID sourceEventId, @NotNull Instant at, @NotNull Action action, UUID postId, Network network) {
    }

    @Inject
    PointsLedger ledger;

    @Inject
    PointRuleSetRepository rules;

    @Inject
    Outbox outbox;

    @Inject
    GameCalendar calendar;

    @Inject
    TransactionMemo memo;

    /**
     * Scores an action under the rules in effect at the action's time, within the action's daily cap. Over the cap
     * the action is still recorded, with 0 points, so it counts as activity but earns nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LedgerEntry> score(UUID eventId, Action action, UUID employeeId, LedgerEntry.Subject subject,
            Instant at, String reason) {
        PointRuleSet set = inEffectAt(at);
        PointRules.Rule rule = set.rules().of(action);
        int points = rule.points();
        boolean capped = false;
        if (rule.dailyCap() != null) {
            int earned = ledger.pointsOn(employeeId, action, calendar.day(at));
            int left = Math.max(0, rule.dailyCap() - earned);
            if (left < points) {
                points = left;
                capped = true;
            }
        }
        return append(new LedgerEntry(eventId, action.name(), action, employeeId, points,
                capped ? reason + " (daily cap reached)" : reason, subject, capped, at, set.version(),
                calendar.now()));
    }

    /** Points outside the rules (a challenge's bonus); {@code rule} names it, so one event may earn both. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LedgerEntry> bonus(UUID eventId, String rule, UUID employeeId, int points, Instant at,
            String reason) {
        return append(new LedgerEntry(eventId, rule, Action.CHALLENGE, employeeId, points, reason,
                LedgerEntry.Subject.NONE, false, at, null, calendar.now()));
    }

    /** One ledger line as its employee sees it. */
    public record Line(@Schema(example = "2026-12-05T09:52:00Z") Instant at, @Schema(example = "10") int points,
            @Schema(description = "In English; action, postId, network and title say it as data",
                    example = "Shared a post on LinkedIn") String reason,
            @Schema(description = "The event that earned the points") UUID eventId,
            @Schema(example = "SHARE") Action action,
            @Schema(description = "The post shared or clicked (a suggestion's post); null for a challenge's bonus")
            UUID postId,
            @Schema(description = "The network shared on or clicked from; null for a suggestion or a challenge",
                    example = "LINKEDIN") Network network,
            @Schema(description = "The post's title, or the challenge's name", example = "We are hiring in Bergen")
            String title,
            @Schema(description = "The day's cap took some of the rule's points") boolean capped) {
    }

    /** The employee's ledger lines that earned points, newest first. */
    @Transactional
    public Page<Line> history(UUID employeeId, String cursor, int limit) {
        return Page.of(ledger.page(employeeId, Cursor.decodeAt(cursor), limit + 1), limit,
                e -> new Cursor.At(e.at(), e.id()).position(),
                e -> new Line(e.at(), e.points(), e.reason(), e.sourceEventId(), e.action(), e.postId(), e.network(),
                        e.title(), e.capped()));
    }

    /**
     * Lines as the page of one's points shows them: the clicks on one link in one day (in fyrtarn.timezone) are one
     * line, {@code count} of them, at the newest one's time.
     */
    public record DayLine(Instant at, int points, int count, Action action, UUID postId, Network network, String title,
            boolean capped) {
    }

    /**
     * The employee's history with each day's clicks on a link summed up, newest first; with the lines the day's cap
     * left at nought, which {@link #history} leaves out.
     */
    @Transactional
    public Page<DayLine> historyByDay(UUID employeeId, String cursor, int limit) {
        return Page.of(ledger.pageByDay(employeeId, Cursor.decodeAt(cursor), limit + 1), limit,
                e -> new Cursor.At(e.at(), e.id()).position(),
                e -> new DayLine(e.at(), e.points(), e.count(), e.action(), e.postId(), e.network(), e.title(),
                        e.capped()));
    }

    /** The version in effect at {@code at}: the newest one that took effect at or before it. */
    private PointRuleSet inEffectAt(Instant at) {
        return memo.get(RuleSets.class, RuleSets.class, sets -> true, () -> new RuleSets(rules.newestFirst()))
                .versions().stream().filter(v -> !v.effectiveAt().isAfter(at)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No point rules in effect at " + at));
    }

    private record RuleSets(List<PointRuleSet> versions) {
    }

    private Optional<LedgerEntry> append(LedgerEntry e) {
        if (!ledger.append(e, calendar.day(e.at()))) {
            return Optional.empty();
        }
        // the award's id is the event's ce_id: whoever consumes it can be traced back to the ledger row
        outbox.add(new Outbox.Event(e.id(), Topics.POINTS, AWARDED, e.employeeId(), new PointsAwarded(e.id(),
                e.employeeId(), e.points(), e.reason(), e.sourceEventId(), e.at(), e.action(), e.postId(),
                e.network())));
        return Optional.of(e);
    }
}
