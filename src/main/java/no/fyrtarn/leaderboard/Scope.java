package no.fyrtarn.leaderboard;

import java.util.Locale;

import no.fyrtarn.infra.ProblemException;

/** Who a leaderboard ranks: everyone, one team, or the leaders among themselves. */
public enum Scope {
    COMPANY, TEAM, LEADERS;

    static Scope parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("scope", "must be one of company, team, leaders");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
