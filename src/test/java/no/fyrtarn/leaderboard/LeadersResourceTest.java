package no.fyrtarn.leaderboard;

import static no.fyrtarn.testing.Api.as;
import static no.fyrtarn.testing.Api.employeeIn;
import static no.fyrtarn.testing.Game.awaitTotal;
import static no.fyrtarn.testing.Game.me;
import static no.fyrtarn.testing.Game.share;
import static no.fyrtarn.testing.Posts.draft;
import static no.fyrtarn.testing.Posts.marketer;
import static no.fyrtarn.testing.Posts.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.testing.Api;
import no.fyrtarn.testing.MovableClock;
import no.fyrtarn.testing.Team;

@QuarkusTest
class LeadersResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    GameCalendar calendar;

    @Inject
    LighthouseAwards lighthouse;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> flagOf(String leaderToken) {
        String id = me(leaderToken).getString("employeeId");
        return as(marketer()).get("/api/leaders?period=week").then().statusCode(200).extract().jsonPath()
                .getList("", Map.class).stream().filter(l -> id.equals(l.get("employeeId"))).findFirst()
                .orElseThrow();
    }

    @Test
    void a_leader_who_shared_while_the_team_did_not_leads_by_example() {
        Team team = Team.of(2);
        share(team.leader(), publish(draft()), "LINKEDIN");
        awaitTotal(team.leader(), 10);

        Map<String, Object> flag = flagOf(team.leader());
        assertThat(flag).containsEntry("flag", "LEADS_BY_EXAMPLE").containsEntry("teamSize", 2)
                .containsEntry("ownPoints", 10).containsEntry("ownShares", 1).containsEntry("activeWeeks", 1);
        assertThat((String) flag.get("reason")).contains("Shared 1 time in 1 week");

        Map<String, Object> row = as(team.reports().get(0)).queryParam("scope", "leaders").get("/api/leaderboard")
                .then().statusCode(200).extract().jsonPath().getList("entries", Map.class).stream()
                .filter(e -> flag.get("employeeId").equals(e.get("employeeId"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("leader", true).containsEntry("leadsByExample", true);
    }

    @Test
    void a_leader_who_shared_nothing_needs_attention() {
        Team team = Team.of(1);
        share(team.reports().get(0), publish(draft()), "LINKEDIN");
        awaitTotal(team.reports().get(0), 10);

        Map<String, Object> flag = flagOf(team.leader());
        assertThat(flag).containsEntry("flag", "NEEDS_ATTENTION").containsEntry("ownShares", 0);
        assertThat((String) flag.get("reason")).startsWith("Shared nothing this week");
    }

    @Test
    void a_leader_below_the_team_median_is_on_track() {
        Team team = Team.of(3);
        share(team.leader(), publish(draft()), "LINKEDIN");
        for (String report : team.reports().subList(0, 2)) {
            share(report, publish(draft()), "LINKEDIN");
            share(report, publish(draft()), "X");
        }
        awaitTotal(team.leader(), 10);
        team.reports().subList(0, 2).forEach(r -> awaitTotal(r, 20));

        Map<String, Object> flag = flagOf(team.leader());
        assertThat(flag).containsEntry("flag", "ON_TRACK").containsEntry("teamMedianPoints", 20.0f);
        assertThat((String) flag.get("reason")).contains("below the team's median of 20");

        List<Map<String, Object>> mine = as(team.leader()).get("/api/teams/mine?period=week").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(mine).hasSize(3);
        assertThat(mine).extracting(m -> m.get("segment")).containsExactly("CONTRIBUTOR", "CONTRIBUTOR", "LURKER");
        assertThat(mine.get(0)).containsEntry("points", 20).containsEntry("shares", 2);
        assertThat(mine.get(0).get("lastActiveAt")).isNotNull();
        assertThat(mine.get(2).get("lastActiveAt")).isNull();
    }

    @Test
    void only_leaders_marketing_and_admins_see_flags_and_only_leaders_have_a_team_of_their_own() {
        Team team = Team.of(1);
        Team other = Team.of(1);
        String employee = employeeIn(null).token();
        as(employee).get("/api/leaders").then().statusCode(403);
        as(employee).get("/api/teams/mine").then().statusCode(403);
        as(marketer()).get("/api/teams/mine").then().statusCode(403);
        as(team.leader()).get("/api/leaders").then().statusCode(200);
        as(team.leader()).get("/api/leaders?period=decade").then().statusCode(400);

        String otherReport = me(other.reports().get(0)).getString("employeeId");
        List<String> mine = as(team.leader()).get("/api/teams/mine").then().statusCode(200).extract().jsonPath()
                .getList("items.employeeId");
        assertThat(mine).containsExactly(me(team.reports().get(0)).getString("employeeId"))
                .doesNotContain(otherReport);
    }

    @Test
    void a_leader_is_one_as_the_directorys_reporting_lines_say_whatever_groups_the_idps_token_has() {
        Team team = Team.of(1);
        // as the company's IdP signs them: its groups know nothing of who reports to whom
        String leader = Api.token(team.leaderEmail(), "employee");
        List<String> mine = as(leader).get("/api/teams/mine").then().statusCode(200).extract().jsonPath()
                .getList("items.employeeId");
        assertThat(mine).containsExactly(me(team.reports().get(0)).getString("employeeId"));
        as(leader).get("/api/leaders").then().statusCode(200);
        String report = Api.token(team.reportEmails().get(0), "employee");
        as(report).get("/api/teams/mine").then().statusCode(403);
        as(report).get("/api/leaders").then().statusCode(403);
    }

    @Test
    void four_weeks_of_leading_by_example_earn_the_lighthouse_and_a_four_week_streak() {
        Team team = Team.of(1);
        for (int week = 0; week < 4; week++) {
            share(team.leader(), publish(draft()), "LINKEDIN");
            await().atMost(Duration.ofSeconds(30)).until(() -> me(team.leader()).getLong("points.week") == 10);
            lighthouse.closeWeek(calendar.week(clock.instant()));
            if (week < 3) {
                assertThat(me(team.leader()).getList("badges.badge", String.class)).doesNotContain("LIGHTHOUSE");
                clock.advance(Duration.ofDays(7));
            }
        }
        var me = me(team.leader());
        assertThat(me.getList("badges.badge", String.class)).contains("LIGHTHOUSE", "STREAK_4", "FIRST_SHARE");
        assertThat(me.getInt("streakWeeks")).isEqualTo(4);
        assertThat(me.getBoolean("leader")).isTrue();
        assertThat(me.getLong("points.total")).isEqualTo(40);

        clock.advance(Duration.ofDays(14)); // a week without a share
        assertThat(me(team.leader()).getInt("streakWeeks")).isZero();
    }
}
