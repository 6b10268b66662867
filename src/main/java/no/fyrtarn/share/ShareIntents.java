package no.fyrtarn.share;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import no.fyrtarn.post.Network;

/** Links that open each network's own share dialog with the tracked link filled in. */
final class ShareIntents {

    private ShareIntents() {
    }

    static String intentUrl(Network network, String trackedUrl, String text) {
        return switch (network) {
            case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(trackedUrl);
            case X -> "https://x.com/intent/tweet?text=" + encode(text) + "&url=" + encode(trackedUrl);
            case FACEBOOK -> "https://www.facebook.com/sharer/sharer.php?u=" + encode(trackedUrl);
        };
    }

    /**
     * The text as it will be posted: on X cut (at a word where possible, with "…") so that text and link fit 280 as X
     * counts them ({@link XText}).
     */
    static String fitted(Network network, String text) {
        return network == Network.X ? XText.fit(text, XText.SHARE_TEXT_LIMIT) : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
