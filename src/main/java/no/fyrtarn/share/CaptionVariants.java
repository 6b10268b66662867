package no.fyrtarn.share;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import no.fyrtarn.infra.Hashes;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.PublishedPost;

/**
 * When marketing wrote several captions for a network, each employee gets one of them, always the same one for the
 * same post, picked by a hash of (employee, post, network): colleagues sharing one post do not all post the same text.
 */
final class CaptionVariants {

    private CaptionVariants() {
    }

    /** The employee's caption for this network; the post's title when marketing wrote none. */
    static String captionFor(UUID employeeId, PublishedPost post, Network network) {
        List<String> captions = post.captionsFor(network);
        return captions.isEmpty() ? post.title() : captions.get(variant(employeeId, post.id(), network, captions.size()));
    }

    static int variant(UUID employeeId, UUID postId, Network network, int count) {
        byte[] digest = Hashes.sha256(employeeId + "|" + postId + "|" + network);
        return (int) Math.floorMod(ByteBuffer.wrap(digest).getLong(), (long) count);
    }
}
