package no.fyrtarn.web;

import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.infra.WebUrls;

/** Small rules every page shares. */
final class Pages {

    /** A path on this site: starts with one slash, no scheme, no host, no backslash tricks. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s]*");
    /** What a URI's path and query hold as they are (RFC 3986's unreserved, sub-delims, ":", "@", "/" and "?"). */
    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";

    private Pages() {
    }

    /**
     * A page answered inside a {@code Response} (the login, a form shown again with its mistakes), rendered here:
     * Quarkus's Qute filter answers a template in a {@code Response} as {@code text/html} without a charset, where a
     * page returned as it is says UTF-8, as the page itself does.
     */
    static Response html(Response.ResponseBuilder response, TemplateInstance page) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    /**
     * Where to go back to after a login or a switch: a local path, else the feed (no open redirects); what a URI may
     * not hold as it is ("|", "{", "æ", a "%" not followed by two hex digits, as a hand-typed address or a browser
     * leaves them) percent-encoded, so that it is a Location.
     */
    static String localPath(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() ? encoded(next) : "/";
    }

    private static String encoded(String path) {
        return WebUrls.percentEncoded(path, (bytes, at) -> URI_CHARACTERS.indexOf(bytes[at]) >= 0
                || bytes[at] == '%' && at + 2 < bytes.length && HexFormat.isHexDigit(bytes[at + 1])
                        && HexFormat.isHexDigit(bytes[at + 2]));
    }
}
