package no.fyrtarn.gamification;

/** Badges, each awarded once per employee, with the event that earned it. */
public enum Badge {
    FIRST_SHARE, SHARES_10, SHARES_50, CLICKS_100, STREAK_4, STREAK_12,
    /** A leader flagged as leading by example four weeks running. */
    LIGHTHOUSE;

    static Badge forShares(int shares) {
        return switch (shares) {
            case 1 -> FIRST_SHARE;
            case 10 -> SHARES_10;
            case 50 -> SHARES_50;
            default -> null;
        };
    }

    static Badge forStreak(int weeks) {
        return switch (weeks) {
            case 4 -> STREAK_4;
            case 12 -> STREAK_12;
            default -> null;
        };
    }
}
