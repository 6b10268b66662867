package no.fyrtarn.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leaderboard: one period and scope, ranked by points; tied points share a rank. No e-mails. */
public record Board(@Schema(example = "week") String period, @Schema(example = "company") String scope,
        @Schema(description = "Start of the period; null for all") Instant from,
        @Schema(description = "End of the period (exclusive); null for all") Instant to,
        List<Entry> entries) {

    public record Entry(int rank, UUID employeeId, String name, String team, long points, int shares, int clicks,
            boolean leader, boolean leadsByExample) {
    }
}
