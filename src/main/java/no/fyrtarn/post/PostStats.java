package no.fyrtarn.post;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a post was shared, and how many clicks on its tracked links counted; in all and per network. */
public record PostStats(@Schema(example = "12") long shares, @Schema(example = "87") long clicks,
        @Schema(description = "The same for each network it was shared on",
                example = "{\"LINKEDIN\": {\"shares\": 8, \"clicks\": 70}, \"X\": {\"shares\": 4, \"clicks\": 17}}")
        Map<Network, NetworkStats> byNetwork) {

    public static final PostStats NONE = new PostStats(0, 0, Map.of());

    /** A post's shares and counted clicks on one network. */
    public record NetworkStats(@Schema(example = "8") long shares, @Schema(example = "70") long clicks) {
    }

    /** The totals and, in the networks' order, each network that has shares or clicks. */
    public static PostStats of(Map<Network, Long> shares, Map<Network, Long> clicks) {
        Set<Network> any = EnumSet.noneOf(Network.class);
        any.addAll(shares.keySet());
        any.addAll(clicks.keySet());
        Map<Network, NetworkStats> byNetwork = new LinkedHashMap<>();
        any.forEach(n -> byNetwork.put(n, new NetworkStats(shares.getOrDefault(n, 0L), clicks.getOrDefault(n, 0L))));
        return new PostStats(shares.values().stream().mapToLong(Long::longValue).sum(),
                clicks.values().stream().mapToLong(Long::longValue).sum(), byNetwork);
    }

    /** Where the counts come from: the sharing feature, which owns shares and clicks. */
    public interface Source {
        /** @return stats for those of the posts that have any; the others have none. */
        Map<UUID, PostStats> statsOf(Collection<UUID> postIds);
    }
}
