package no.fyrtarn.share;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.post.Network;

/** One employee's tracked link to a post on one network: how often they shared it and the clicks it counted. */
public record PostLink(
        @Schema(example = "0b5e7c1a-2f3d-4c5b-9a8e-7d6c5b4a3f2e") UUID employeeId,
        @Schema(example = "Ingrid Hansen") String name,
        @Schema(description = "Null when the employee has no team", example = "Sales") String team,
        Network network,
        @Schema(example = "http://localhost:8080/s/Xk3p9Qa") String trackedUrl,
        @Schema(description = "Shares recorded on this link (a retry with the same Idempotency-Key is not one)",
                example = "2") long shares,
        @Schema(description = "Clicks counted on this link", example = "17") long clicks,
        @Schema(example = "2026-11-23T08:15:00Z") Instant firstSharedAt) {
}
