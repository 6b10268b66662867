package no.fyrtarn.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.gamification.Period;
import no.fyrtarn.gamification.Progress;
import no.fyrtarn.gamification.Scoring;
import no.fyrtarn.leaderboard.LeaderboardService;
import no.fyrtarn.security.Roles;

@ApplicationScoped
public class MeService {

    @Inject
    LeaderboardService leaderboards;

    @Inject
    Progress progress;

    @Inject
    Scoring scoring;

    @Transactional
    public MeView me(DirectoryService.Member member, Period rankPeriod) {
        var summary = leaderboards.summary(member, rankPeriod);
        return new MeView(member.employeeId(), member.email(), member.name(), member.team(),
                member.groups().contains(Roles.LEADER),
                new MeView.Points(summary.week(), summary.month(), summary.total()),
                new MeView.Rank(rankPeriod.label(), summary.companyRank(), summary.teamRank()),
                progress.badges(member.employeeId()), scoring.currentStreak(member.employeeId()), summary.clicks());
    }
}
