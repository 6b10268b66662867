package no.fyrtarn.gamification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Points per action and a daily cap per action (points per employee and day; null = no cap). */
public record PointRules(
        @Schema(description = "First share of a post on a network") @NotNull @Valid Rule share,
        @Schema(description = "A counted click on the employee's tracked link") @NotNull @Valid Rule click,
        @Schema(description = "An employee's own suggestion approved and published") @NotNull @Valid Rule suggestion) {

    public record Rule(@Schema(example = "10") @NotNull @Min(0) @Max(1000) Integer points,
            @Schema(description = "Most points per employee and day from this action; null = no cap", example = "50")
            @Min(0) @Max(100_000) Integer dailyCap) {
    }

    public Rule of(Action action) {
        return switch (action) {
            case SHARE -> share;
            case CLICK -> click;
            case SUGGESTION -> suggestion;
            case CHALLENGE -> throw new IllegalArgumentException("Challenges pay their own bonus");
        };
    }
}
