package no.fyrtarn.post;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A published post and its audience (no teams: everyone). */
public record LivePost(PublishedPost post, Set<UUID> audienceTeamIds) {

    /** The feed's rule (see PostRepository.inFeedOf) for someone in {@code teamId} (null: no team) at {@code now}. */
    public boolean inFeedOf(UUID teamId, Instant now) {
        return (post.expiresAt() == null || post.expiresAt().isAfter(now))
                && (audienceTeamIds.isEmpty() || (teamId != null && audienceTeamIds.contains(teamId)));
    }
}
