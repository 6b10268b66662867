package no.fyrtarn.gamification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Days, weeks and periods as the company lives them: in fyrtarn.timezone, not UTC. */
@ApplicationScoped
public class GameCalendar {

    /** A period's bucket and its bounds as instants ({@code to} is null for ALL). */
    public record Window(Period period, LocalDate bucket, Instant from, Instant to) {
    }

    @ConfigProperty(name = "fyrtarn.timezone", defaultValue = "Europe/Oslo")
    ZoneId zone;

    @Inject
    Clock clock;

    /** The company's time zone (fyrtarn.timezone). */
    public ZoneId zone() {
        return zone;
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public LocalDate week(Instant at) {
        return Period.WEEK.bucket(day(at));
    }

    public Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Window current(Period period) {
        return window(period, period.bucket(day(clock.instant())));
    }

    public Window window(Period period, LocalDate bucket) {
        LocalDate end = period.end(bucket);
        return new Window(period, bucket, period == Period.ALL ? null : start(bucket), end == null ? null : start(end));
    }

    /**
     * Weeks of the window that have begun by now (at least 1); for ALL, counted from {@code firstWeek} (null: this
     * week), which other periods ignore.
     */
    public long weeksSoFar(Window window, LocalDate firstWeek) {
        LocalDate now = week(clock.instant());
        LocalDate from = window.period() != Period.ALL ? Period.WEEK.bucket(window.bucket())
                : firstWeek == null ? now : firstWeek;
        LocalDate last = window.to() == null ? now : min(now, Period.WEEK.bucket(day(window.to().minusSeconds(1))));
        return Math.max(1, ChronoUnit.WEEKS.between(from, last) + 1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    public Instant now() {
        return clock.instant();
    }
}
