package no.fyrtarn.leaderboard;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader's direct report in a period. */
public record TeamMember(UUID employeeId, String name, long points, int shares, int clicks,
        @Schema(description = "Last time they earned anything (any period); null if never") Instant lastActiveAt,
        Segment segment) {

    /** 90-9-1: lurkers did nothing in the period, contributors shared, creators had their own content published. */
    public enum Segment {
        LURKER, CONTRIBUTOR, CREATOR;

        static Segment of(Standing s) {
            return s.creations() > 0 ? CREATOR : s.shares() > 0 ? CONTRIBUTOR : LURKER;
        }
    }
}
