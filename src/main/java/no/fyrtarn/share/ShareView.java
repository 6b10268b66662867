package no.fyrtarn.share;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.post.Network;

/** A recorded share, with what the employee needs to post it. */
public record ShareView(
        @Schema(example = "3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a") UUID shareId,
        @Schema(example = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b") UUID postId,
        @Schema(example = "X") Network network,
        @Schema(description = "The employee's own tracked link", example = "https://fyrtarn.example.com/s/k3Xr9QaZ") String trackedUrl,
        @Schema(description = "Opens the network's share dialog with the tracked link",
                example = "https://x.com/intent/tweet?text=Bli%20med%20oss&url=https%3A%2F%2Ffyrtarn.example.com%2Fs%2Fk3Xr9QaZ") String shareIntentUrl,
        @Schema(description = "The text to post (on X cut so that it fits 280 characters with the link, as X counts them)", example = "Bli med oss") String text,
        @Schema(example = "2026-11-23T10:00:00Z") Instant createdAt) {
}
