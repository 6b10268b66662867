package no.fyrtarn.gamification;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import no.fyrtarn.post.Network;

/** The parts of other features' events that gamification reads (unknown fields are ignored: events may grow). */
final class GameEvents {

    private GameEvents() {
    }

    /** share.recorded */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShareRecorded(@NotNull UUID shareId, @NotNull UUID postId, @NotNull UUID employeeId,
            @NotNull Network network, boolean firstOnNetwork, @NotNull Instant at) {
    }

    /** post.published / post.expired. {@code suggestedBy}: the employee whose suggestion the post is, if any. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostEvent(@NotNull UUID postId, String title, UUID suggestedBy, @NotNull Instant at) {
    }
}
