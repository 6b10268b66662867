package no.fyrtarn.web;

import io.quarkus.qute.TemplateExtension;
import no.fyrtarn.share.XText;

/**
 * The counter under a text for X, on the feed (the text an employee shares) and in the studio (the caption variants
 * marketing writes): {@code templates/xcount.html}, counted by {@code app.js} as {@link XText} counts.
 */
final class XCounter {

    private XCounter() {
    }

    /** How much a text for X may count before its share shortens it: {@code {x:limit}}. */
    @TemplateExtension(namespace = "x")
    static int limit() {
        return XText.SHARE_TEXT_LIMIT;
    }
}
