package no.fyrtarn.leaderboard;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader's participation against their team's in a period, with the flag and why. */
public record LeaderView(UUID employeeId, String name, String team,
        @Schema(description = "Direct reports") int teamSize,
        long ownPoints, double teamMedianPoints, int ownShares,
        @Schema(description = "Weeks of the period in which the leader shared") long activeWeeks,
        Flag flag,
        @Schema(example = "Shared 3 times in 1 week (at least 1 a week) and has 30 points, at least the team's median of 10") String reason) {

    public enum Flag {
        LEADS_BY_EXAMPLE, ON_TRACK, NEEDS_ATTENTION
    }
}
