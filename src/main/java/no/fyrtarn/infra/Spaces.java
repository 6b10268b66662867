package no.fyrtarn.infra;

import java.util.regex.Pattern;

/**
 * Text people type or paste compared and stored as they read it, whatever spaces it holds. A space here is what
 * {@code \s} matches in JSON Schema's (ECMAScript's) regular expressions, which the OpenAPI's patterns are: a space,
 * tab or line break, a no-break space pasted from a web page or a spreadsheet, and a byte-order mark.
 */
public final class Spaces {

    /** A run of spaces, as a regular expression. */
    public static final String RUN = "[\\s\\p{Z}\\x{FEFF}]+";

    private static final Pattern RUNS = Pattern.compile(RUN);
    private static final Pattern AROUND = Pattern.compile("^" + RUN + "|" + RUN + "$");

    private Spaces() {
    }

    /**
     * The text with every run of spaces as one space, and none around it ("Kunde  Service " is "Kunde Service"), for
     * names (a team, a topic, a campaign). Null for null.
     */
    public static String collapsed(String text) {
        return text == null ? null : RUNS.matcher(text).replaceAll(" ").strip();
    }

    /** The text without spaces around it, those inside kept, for texts people write (a title, a caption). */
    public static String stripped(String text) {
        return text == null ? null : AROUND.matcher(text).replaceAll("");
    }

    /** The text without spaces around it, or null when nothing is left (an optional field left blank). */
    public static String strippedOrNull(String text) {
        return isBlank(text) ? null : stripped(text);
    }

    /** Whether the text is null or has nothing but spaces, which a person would see as nothing. */
    public static boolean isBlank(String text) {
        return text == null || text.isEmpty() || RUNS.matcher(text).matches();
    }
}
