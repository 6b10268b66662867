package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import no.fyrtarn.post.Network;

/** The parts of other features' events that gamification reads (EventBatches skips the rest: events may grow). */
final class GameEvents {

    private GameEvents() {
    }

    /** share.recorded */
    record ShareRecorded(@NotNull UUID shareId, @NotNull UUID postId, @NotNull UUID employeeId,
            @NotNull Network network, boolean firstOnNetwork, @NotNull Instant at) {
    }

    /** post.published / post.expired. {@code suggestedBy}: the employee whose suggestion the post is, if any. */
    record PostEvent(@NotNull UUID postId, String title, UUID suggestedBy, @NotNull Instant at) {
    }
}
