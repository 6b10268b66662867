package no.fyrtarn.share;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.infra.Spaces;
import no.fyrtarn.post.Network;

/** What an employee shares: the network, and optionally their own text instead of the suggested caption. */
public record ShareRequest(
        @Schema(example = "LINKEDIN") @NotNull Network network,
        @Schema(description = "Own text; the suggested caption when left out", example = "Proud of my team!")
        @Size(max = 3000) String text) {

    /** The employee's own text, or null when they kept the suggestion. */
    String ownText() {
        return Spaces.strippedOrNull(text);
    }
}
