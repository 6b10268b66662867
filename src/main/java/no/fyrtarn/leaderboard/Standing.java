package no.fyrtarn.leaderboard;

import java.util.UUID;

/** One employee's totals in one period bucket (all zero when they did nothing in it). */
public record Standing(UUID employeeId, long points, int shares, int clicks, int creations) {

    static Standing none(UUID employeeId) {
        return new Standing(employeeId, 0, 0, 0, 0);
    }
}
