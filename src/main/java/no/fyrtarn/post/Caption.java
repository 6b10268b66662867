package no.fyrtarn.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A suggested text for one network; several per network are variants spread across employees. A post stores it
 * trimmed, and a variant given twice once.
 */
public record Caption(
        @Schema(example = "LINKEDIN") @NotNull Network network,
        @Schema(example = "Proud of what our team shipped this quarter!") @NotBlank @Size(max = 3000) String text) {
}
