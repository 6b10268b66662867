package no.fyrtarn.share;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.directory.People;
import no.fyrtarn.infra.Cursor;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.link.LinkService;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PostStats;
import no.fyrtarn.share.ShareRepository.LinkReach;
import no.fyrtarn.share.ShareRepository.ReachPosition;

/** Shares recorded and clicks counted per post and per tracked link, for marketing's view of its posts. */
@ApplicationScoped
public class SharingStats implements PostStats.Source {

    @Inject
    ShareRepository shares;

    @Inject
    LinkService links;

    @Inject
    PostService posts;

    @Inject
    People people;

    @Override
    @Transactional
    public Map<UUID, PostStats> statsOf(Collection<UUID> postIds) {
        Map<UUID, Map<Network, Long>> shared = shares.countByPostAndNetwork(postIds);
        Map<UUID, Map<Network, Long>> clicked = links.countedClicks(postIds);
        Set<UUID> any = new HashSet<>(shared.keySet());
        any.addAll(clicked.keySet());
        Map<UUID, PostStats> stats = new HashMap<>();
        any.forEach(id -> stats.put(id, PostStats.of(shared.getOrDefault(id, Map.of()),
                clicked.getOrDefault(id, Map.of()))));
        return stats;
    }

    /** The post's tracked links, most clicked first; an unknown post is a 404, one nobody shared an empty list. */
    @Transactional
    public Page<PostLink> links(UUID postId, String cursor, int limit) {
        requireKnown(postId);
        ReachPosition after = Cursor.decode(cursor, position -> {
            String[] parts = position.split("\\|", 2);
            return new ReachPosition(Long.parseLong(parts[0]), parts[1]);
        });
        List<LinkReach> fetched = shares.reachOf(postId, after, limit + 1);
        Function<LinkReach, PostLink> view = view(fetched);
        return Page.of(fetched, limit, l -> l.clicks() + "|" + l.code(), view);
    }

    /** All of the post's tracked links in that order, for an export; an unknown post is a 404. */
    @Transactional
    public List<PostLink> allLinks(UUID postId) {
        requireKnown(postId);
        List<LinkReach> all = shares.reachOf(postId, null, Integer.MAX_VALUE);
        return all.stream().map(view(all)).toList();
    }

    private void requireKnown(UUID postId) {
        if (posts.describe(postId).isEmpty()) {
            throw ProblemException.notFound("Post " + postId);
        }
    }

    /** Each link as marketing sees it: with its employee's name and team, read once for all of them. */
    private Function<LinkReach, PostLink> view(List<LinkReach> reach) {
        Map<UUID, People.Person> who = people.byId(reach.stream().map(LinkReach::employeeId).distinct().toList());
        return l -> {
            People.Person p = who.get(l.employeeId());
            return new PostLink(l.employeeId(), p == null ? null : p.name(), p == null ? null : p.team(), l.network(),
                    links.trackedUrl(l.code()), l.shares(), l.clicks(), l.firstSharedAt());
        };
    }
}
