package no.fyrtarn.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.post.Network;

/**
 * A post in an employee's feed, with their own caption per network, where they already shared it and how many clicks
 * their links there counted.
 */
public record FeedItem(
        @Schema(example = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b") UUID postId,
        @Schema(example = "We are hiring engineers in Bergen") String title,
        @Schema(example = "Join the team that builds Norway's favourite banking app.") String body,
        @Schema(example = "https://example.com/careers/bergen") String url,
        @Schema(example = "[\"hiring\"]") List<String> topics,
        @Schema(description = "Where it may be shared", example = "[\"LINKEDIN\", \"X\"]") List<Network> networks,
        @Schema(description = "The language of the title, body and captions (BCP 47); null = not said",
                example = "nb") String language,
        @Schema(example = "2026-11-23T08:00:00Z") Instant publishedAt,
        @Schema(example = "2026-12-31T23:00:00Z") Instant expiresAt,
        @Schema(description = "The caller's suggested text per network",
                example = "{\"LINKEDIN\": \"Bli med oss\", \"X\": \"Jobb hos oss\"}") Map<Network, String> captions,
        @Schema(description = "Networks the caller already shared it on", example = "[\"LINKEDIN\"]") List<Network> sharedOn,
        @Schema(description = "Counted clicks on the caller's own tracked link, for each network in sharedOn",
                example = "{\"LINKEDIN\": 3}") Map<Network, Long> myClicks) {
}
