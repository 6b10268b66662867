package no.fyrtarn.share;

import static no.fyrtarn.post.DemoPosts.BLOG;
import static no.fyrtarn.post.DemoPosts.CASE;
import static no.fyrtarn.post.DemoPosts.HIRING;
import static no.fyrtarn.post.DemoPosts.LAUNCH;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.directory.DemoData;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.DirectoryService.Member;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.link.DemoClicks;
import no.fyrtarn.post.Network;

/**
 * The demo organisation at work (fyrtarn.demo-activity, the local run's default): once its posts are out, some of its
 * people share them and their links are followed, through the share writer, the tracked links, the outbox, Kafka and
 * the consumers that everyone's shares and clicks go through. So the first look at the leaderboard, the leaders'
 * view, a team and the studio's stats shows ranks, points and each of the three leader flags, where it showed a
 * company of lurkers. Only when nobody has shared anything yet: once, on the first start with the demo posts.
 */
@ApplicationScoped
public class DemoShares {

    private static final Logger LOG = Logger.getLogger(DemoShares.class);

    /** One share: who ({@code <local part>@demo.fyrtarn.no}), of the post in their feed with this title, where. */
    record Planned(String who, String title, Network network, int clicks) {
    }

    /**
     * Sales' leader shares more than her team and leads by example; Engineering's shares nothing while his team does
     * (needs attention); Support's shares once, below her team's median (on track). Sales' leader leaves the newest
     * post on LinkedIn to the README's first share, which earns its 10 points.
     */
    static final List<Planned> PLAN = List.of(
            new Planned("lead.sales", CASE, Network.LINKEDIN, 6),
            new Planned("lead.sales", HIRING, Network.LINKEDIN, 3),
            new Planned("kari.hansen", CASE, Network.LINKEDIN, 4),
            new Planned("ola.nordmann", HIRING, Network.LINKEDIN, 2),
            new Planned("astrid.larsen", LAUNCH, Network.X, 1),
            new Planned("sofia.lindqvist", CASE, Network.FACEBOOK, 0),
            new Planned("emma.karlsson", BLOG, Network.LINKEDIN, 8),
            new Planned("emma.karlsson", BLOG, Network.X, 3),
            new Planned("jonas.bakken", HIRING, Network.LINKEDIN, 5),
            new Planned("ida.nilsen", BLOG, Network.LINKEDIN, 2),
            new Planned("lead.support", LAUNCH, Network.LINKEDIN, 0),
            new Planned("johan.persson", CASE, Network.LINKEDIN, 7),
            new Planned("thea.olsen", CASE, Network.LINKEDIN, 3),
            new Planned("mats.berglund", LAUNCH, Network.LINKEDIN, 4),
            new Planned("linnea.gustafsson", HIRING, Network.FACEBOOK, 2),
            new Planned("eirik.dahl", LAUNCH, Network.X, 1),
            new Planned("hanna.strand", HIRING, Network.LINKEDIN, 5));

    @Inject
    ShareService service;

    @Inject
    ShareRepository shares;

    @Inject
    FeedService feed;

    @Inject
    DirectoryService directory;

    @Inject
    DemoClicks clicks;

    @ConfigProperty(name = "fyrtarn.demo-activity", defaultValue = "false")
    boolean enabled;

    /** After the demo posts ({@code post.DemoPosts}, at APPLICATION + 1000). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1100) StartupEvent event) {
        if (enabled && shares.count() == 0) {
            load(PLAN, DemoData.DOMAIN);
        }
    }

    /**
     * Records each planned share and its clicks; one whose person or post is missing (removed since, or never
     * there), or that the post refuses (not on that network), is left out, and the start goes on. The number of
     * shares recorded.
     */
    int load(List<Planned> plan, String domain) {
        int recorded = 0, followed = 0;
        for (Planned planned : plan) {
            Optional<Member> who = directory.member(planned.who() + "@" + domain);
            Optional<FeedItem> post = who.flatMap(member -> feed.feed(member, null, null, 100).items().stream()
                    .filter(item -> item.title().equals(planned.title())).findFirst());
            if (post.isEmpty()) {
                LOG.warnf("Demo share left out: %s of '%s', not in their feed", planned.who(), planned.title());
                continue;
            }
            ShareView share;
            try {
                share = service.recordFor(who.get(), post.get().postId(), planned.network()).share();
            } catch (ProblemException refused) {
                LOG.warnf("Demo share left out: %s of '%s' on %s, %s", planned.who(), planned.title(),
                        planned.network(), refused.getMessage());
                continue;
            }
            clicks.follow(share.trackedUrl(), planned.clicks());
            recorded++;
            followed += planned.clicks();
        }
        LOG.infof("Demo activity: %d shares, %d clicks on their links", recorded, followed);
        return recorded;
    }
}
