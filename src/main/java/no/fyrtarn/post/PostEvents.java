package no.fyrtarn.post;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import no.fyrtarn.outbox.Outbox;
import no.fyrtarn.outbox.Topics;

/** post.published and post.expired, keyed by post id, through the outbox. */
@ApplicationScoped
public class PostEvents {

    public static final String PUBLISHED = "post.published";
    public static final String EXPIRED = "post.expired";

    /**
     * Payload of both post events. {@code language}: the BCP 47 tag of the title's language, null when not said;
     * {@code audienceTeams} empty = everyone.
     */
    public record PostEvent(UUID postId, String title, String url, String campaign, String language,
            List<String> audienceTeams, Instant at) {
    }

    @Inject
    Outbox outbox;

    void published(Post post, Collection<String> audienceTeams, Instant at) {
        emit(PUBLISHED, post, audienceTeams, at);
    }

    void expired(Post post, Collection<String> audienceTeams, Instant at) {
        emit(EXPIRED, post, audienceTeams, at);
    }

    private void emit(String type, Post post, Collection<String> audienceTeams, Instant at) {
        outbox.add(Topics.POSTS, type, post.id(), new PostEvent(post.id(), post.title(), post.url(), post.campaign(),
                post.language(), audienceTeams.stream().sorted().toList(), at));
    }
}
