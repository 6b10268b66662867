package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A post as marketing sees it. {@code etag} is its version's ETag, for the studio's forms; the API gives it as the
 * ETag header of a single post, not in the JSON.
 */
public record PostView(
        @Schema(example = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b") UUID id,
        @Schema(example = "We are hiring engineers in Bergen") String title,
        @Schema(example = "Join the team that builds Norway's favourite banking app.") String body,
        @Schema(example = "https://example.com/careers/bergen") String url,
        @Schema(example = "[\"hiring\"]") List<String> topics,
        @Schema(example = "[\"LINKEDIN\", \"X\"]") List<Network> networks,
        List<Caption> captions, Audience audience,
        @Schema(example = "hiring-2026") String campaign,
        @Schema(description = "The language of the title, body and captions (BCP 47); null = not said",
                example = "nb") String language,
        @Schema(example = "2026-12-01T08:00:00Z") Instant publishAt,
        @Schema(example = "2026-12-31T23:00:00Z") Instant expiresAt,
        @Schema(example = "PUBLISHED") PostStatus status,
        @Schema(example = "0b7e4c1a-9d2f-4a3b-8c5d-6e7f8a9b0c1d") UUID authorId,
        @Schema(example = "Please shorten the LinkedIn caption") String reviewNote,
        @Schema(example = "2026-12-01T08:00:00Z") Instant publishedAt,
        @Schema(example = "2026-11-23T10:00:00Z") Instant createdAt,
        @Schema(example = "2026-11-23T11:00:00Z") Instant updatedAt,
        @Schema(description = "Shares recorded and clicks counted so far") PostStats stats,
        @JsonIgnore @Schema(hidden = true) String etag) {

    public record Audience(@Schema(example = "[\"Sales\", \"Support\"]") List<String> teams) {
    }

    static PostView of(Post p, Set<String> audienceTeams, PostStats stats) {
        return new PostView(p.id(), p.title(), p.body(), p.url(), p.topics(), p.networks(), p.captions(),
                new Audience(audienceTeams.stream().sorted().toList()), p.campaign(), p.language(), p.publishAt(),
                p.expiresAt(), p.status(), p.authorId(), p.reviewNote(), p.publishedAt(), p.createdAt(), p.updatedAt(),
                stats, etag(p));
    }

    /** Strong validator for If-Match: changes with every write. */
    static String etag(Post p) {
        return "\"" + p.version() + "\"";
    }
}
