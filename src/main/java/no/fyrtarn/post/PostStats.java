package no.fyrtarn.post;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a post was shared, and how many clicks on its tracked links counted. */
public record PostStats(@Schema(example = "12") long shares, @Schema(example = "87") long clicks) {

    public static final PostStats NONE = new PostStats(0, 0);

    /** Where the counts come from: the sharing feature, which owns shares and clicks. */
    public interface Source {
        /** @return stats for those of the posts that have any; the others have none. */
        Map<UUID, PostStats> statsOf(Collection<UUID> postIds);
    }
}
