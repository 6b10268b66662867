package no.fyrtarn.me;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.gamification.Progress;

/** The caller's own standing. */
public record MeView(UUID employeeId, String email, String name, String team,
        @Schema(description = "The caller has direct reports") boolean leader,
        Points points, Rank rank, List<Progress.Earned> badges,
        @Schema(description = "Consecutive weeks with a share, up to this week (or last week, while this one has none yet)")
        int streakWeeks,
        @Schema(description = "Clicks counted on the caller's tracked links, in all (also those past the day's cap)")
        long clicks) {

    public record Points(long week, long month, long total) {
    }

    /** Ranks in {@code period}: 1 + how many have more points; {@code team} is null without a team. */
    public record Rank(@Schema(example = "week") String period, long company, Long team) {
    }
}
