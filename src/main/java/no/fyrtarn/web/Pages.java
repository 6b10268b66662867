package no.fyrtarn.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Small rules every page shares. */
final class Pages {

    /** A path on this site: starts with one slash, no scheme, no host, no backslash tricks. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s]*");
    /** What a URI's path and query hold as they are (RFC 3986's unreserved, sub-delims, ":", "@", "/" and "?"). */
    private static final Pattern URI_CHARACTER = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@/?-]");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Pages() {
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
        StringBuilder uri = new StringBuilder(path.length());
        for (int at = 0; at < path.length(); ) {
            int c = path.codePointAt(at);
            String character = Character.toString(c);
            if (URI_CHARACTER.matcher(character).matches() || c == '%' && escape(path, at)) {
                uri.append(character);
            } else {
                for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                    uri.append('%').append(HEX.toHexDigits(b));
                }
            }
            at += Character.charCount(c);
        }
        return uri.toString();
    }

    /** Whether the "%" at {@code at} begins an escape: two hex digits follow. */
    private static boolean escape(String path, int at) {
        return at + 2 < path.length() && HexFormat.isHexDigit(path.charAt(at + 1))
                && HexFormat.isHexDigit(path.charAt(at + 2));
    }
}
