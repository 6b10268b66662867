package no.fyrtarn.share;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import no.fyrtarn.link.LinkService;
import no.fyrtarn.post.PostStats;

/** Shares recorded and clicks counted per post, for marketing's view of its posts. */
@ApplicationScoped
public class SharingStats implements PostStats.Source {

    @Inject
    ShareRepository shares;

    @Inject
    LinkService links;

    @Override
    @Transactional
    public Map<UUID, PostStats> statsOf(Collection<UUID> postIds) {
        Map<UUID, Long> shared = shares.countByPost(postIds);
        Map<UUID, Long> clicked = links.countedClicks(postIds);
        Set<UUID> any = new HashSet<>(shared.keySet());
        any.addAll(clicked.keySet());
        Map<UUID, PostStats> stats = new HashMap<>();
        any.forEach(id -> stats.put(id, new PostStats(shared.getOrDefault(id, 0L), clicked.getOrDefault(id, 0L))));
        return stats;
    }
}
