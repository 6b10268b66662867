package no.fyrtarn.gamification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Weeks, periods and streaks as the company's calendar counts them. */
class CalendarTest {

    private static GameCalendar in(String zone) {
        GameCalendar calendar = new GameCalendar();
        calendar.zone = ZoneId.of(zone);
        return calendar;
    }

    @Test
    void a_share_late_on_sunday_in_utc_is_already_monday_in_oslo() {
        Instant sundayNightUtc = Instant.parse("2026-12-27T23:30:00Z");
        assertThat(in("Europe/Oslo").week(sundayNightUtc)).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(in("UTC").week(sundayNightUtc)).isEqualTo(LocalDate.parse("2026-12-21"));
    }

    @Test
    void iso_weeks_run_across_the_new_year() {
        // 2026 has an ISO week 53 (Mon 28 Dec 2026 to Sun 3 Jan 2027)
        GameCalendar oslo = in("Europe/Oslo");
        assertThat(oslo.week(Instant.parse("2027-01-03T12:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(oslo.week(Instant.parse("2027-01-04T12:00:00Z"))).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(Scoring.consecutive(List.of(LocalDate.parse("2027-01-04"), LocalDate.parse("2026-12-28"),
                LocalDate.parse("2026-12-21")))).isEqualTo(3);
    }

    @Test
    void a_week_without_a_share_breaks_the_streak() {
        assertThat(Scoring.consecutive(List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-10-26")))).isEqualTo(2);
        assertThat(Scoring.consecutive(List.of())).isZero();
    }

    @Test
    void periods_start_on_monday_the_first_of_the_month_and_the_first_of_the_quarter() {
        LocalDate day = LocalDate.parse("2026-11-23");
        assertThat(Period.WEEK.bucket(day)).isEqualTo("2026-11-23");
        assertThat(Period.MONTH.bucket(day)).isEqualTo("2026-11-01");
        assertThat(Period.QUARTER.bucket(day)).isEqualTo("2026-10-01");
        assertThat(Period.QUARTER.end(Period.QUARTER.bucket(day))).isEqualTo("2027-01-01");
        assertThat(Period.ALL.end(Period.ALL.bucket(day))).isNull();
    }

    @Test
    void a_day_in_oslo_starts_at_its_local_midnight_for_daily_caps() {
        assertThat(in("Europe/Oslo").start(LocalDate.parse("2026-07-01"))).isEqualTo("2026-06-30T22:00:00Z");
        assertThat(in("Europe/Oslo").start(LocalDate.parse("2026-12-01"))).isEqualTo("2026-11-30T23:00:00Z");
    }
}
