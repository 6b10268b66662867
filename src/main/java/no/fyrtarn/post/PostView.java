package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A post as marketing sees it. */
public record PostView(UUID id, String title, String body, String url, List<String> topics, List<Network> networks,
        List<Caption> captions, Audience audience, String campaign, Instant publishAt, Instant expiresAt,
        PostStatus status, UUID authorId, String reviewNote, Instant publishedAt, Instant createdAt,
        Instant updatedAt) {

    public record Audience(List<String> teams) {
    }

    static PostView of(Post p, Set<String> audienceTeams) {
        return new PostView(p.id(), p.title(), p.body(), p.url(), p.topics(), p.networks(), p.captions(),
                new Audience(audienceTeams.stream().sorted().toList()), p.campaign(), p.publishAt(), p.expiresAt(),
                p.status(), p.authorId(), p.reviewNote(), p.publishedAt(), p.createdAt(), p.updatedAt());
    }

    /** Strong validator for If-Match: changes with every write. */
    static String etag(Post p) {
        return "\"" + p.version() + "\"";
    }
}
