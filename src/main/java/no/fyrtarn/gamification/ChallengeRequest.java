package no.fyrtarn.gamification;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new challenge. Without campaign and topic, any share counts. */
public record ChallengeRequest(
        @Schema(example = "Hiring week") @NotBlank @Size(max = 120) String name,
        @Schema(example = "Share three hiring posts this week") @Size(max = 1000) String description,
        @Schema(description = "Only shares of posts of this campaign count (stored as posts' campaigns: each run of"
                + " spaces as one space, none around it; blank: any)",
                example = "hiring-2026") @Size(max = 100) String campaign,
        @Schema(description = "Only shares of posts with this topic count (stored as posts' topics: lower case, "
                + "without #, each run of spaces as one space and none around it; blank: any)", example = "hiring")
        @Size(max = 50) String topic,
        @Schema(example = "3") @NotNull @Min(1) @Max(1000) Integer targetShares,
        @Schema(example = "30") @NotNull @Min(1) @Max(10_000) Integer bonusPoints,
        @NotNull Instant startsAt,
        @Schema(description = "After startsAt") @NotNull Instant endsAt) {
}
