package no.fyrtarn.leaderboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The thresholds of the "leads by example" rule. */
@ConfigMapping(prefix = "fyrtarn.leaders")
public interface LeadersConfig {

    /** Shares per week, on average over the period, a leader needs to lead by example. */
    @WithDefault("1")
    double minSharesPerWeek();

    /** A leader leads by example with at least this share of their direct reports' median points (1 = the median). */
    @WithDefault("1")
    double minShareOfTeamMedian();

    /** When a finished week is closed for the Lighthouse badge (cron, in fyrtarn.timezone). */
    @WithDefault("0 5 0 ? * MON")
    String weekCloseCron();
}
