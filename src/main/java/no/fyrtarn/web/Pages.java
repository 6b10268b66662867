package no.fyrtarn.web;

import java.util.regex.Pattern;

/** Small rules every page shares. */
final class Pages {

    /** A path on this site: starts with one slash, no scheme, no host, no backslash tricks. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s]*");

    private Pages() {
    }

    /** Where to go back to after a login or a switch: a local path, else the feed (no open redirects). */
    static String localPath(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
    }
}
