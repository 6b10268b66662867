package no.fyrtarn.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic of the posts in someone's feed, with how many of them have it. */
public record FeedTopic(
        @Schema(example = "hiring") String topic,
        @Schema(description = "Posts in the caller's feed with this topic", example = "3") long posts) {
}
