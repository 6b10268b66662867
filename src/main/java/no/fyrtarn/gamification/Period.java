package no.fyrtarn.gamification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import no.fyrtarn.infra.QueryEnums;

/** Leaderboard periods. A bucket is the period's first day in fyrtarn.timezone; weeks are ISO weeks (Monday). */
public enum Period {
    WEEK, MONTH, QUARTER, ALL;

    private static final LocalDate ALL_BUCKET = LocalDate.EPOCH;

    /** The first day of the period that contains {@code day}. */
    public LocalDate bucket(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case ALL -> ALL_BUCKET;
        };
    }

    /** The first day after the bucket's period; null for ALL, which has no end. */
    public LocalDate end(LocalDate bucket) {
        return switch (this) {
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
            case QUARTER -> bucket.plusMonths(3);
            case ALL -> null;
        };
    }

    /** From a query parameter ({@code week}, ...); anything else is a 400 naming {@code field}. */
    public static Period parse(String value, String field) {
        return QueryEnums.parse(Period.class, value, field);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every period's label, in order (for tabs). */
    public static List<String> labels() {
        return Stream.of(values()).map(Period::label).toList();
    }
}
