package no.fyrtarn.leaderboard;

import java.util.Locale;

import no.fyrtarn.infra.QueryEnums;

/** Who a leaderboard ranks: everyone, one team, or the leaders among themselves. */
public enum Scope {
    COMPANY, TEAM, LEADERS;

    public static Scope parse(String value) {
        return QueryEnums.parse(Scope.class, value, "scope");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
