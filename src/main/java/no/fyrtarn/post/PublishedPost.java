package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A live post as other features see it: what employees may share. */
public record PublishedPost(UUID id, String title, String body, String url, List<String> topics,
        List<Network> networks, List<Caption> captions, String campaign, String language, Instant publishedAt,
        Instant expiresAt) {

    static PublishedPost of(Post p) {
        return new PublishedPost(p.id(), p.title(), p.body(), p.url(), p.topics(), p.networks(), p.captions(),
                p.campaign(), p.language(), p.publishedAt(), p.expiresAt());
    }

    /** The captions marketing wrote for one network, in their order. */
    public List<String> captionsFor(Network network) {
        return captions.stream().filter(c -> c.network() == network).map(Caption::text).toList();
    }
}
