package no.fyrtarn.infra;

import java.util.regex.Pattern;

/** Names people type or paste (a team, a topic, a campaign) compared as they read them, whatever spaces they hold. */
public final class Spaces {

    /** A run of spaces, tabs or line breaks, no-break spaces included, as a regular expression. */
    public static final String RUN = "[\\s\\p{Z}]+";

    private static final Pattern RUNS = Pattern.compile(RUN);

    private Spaces() {
    }

    /**
     * The text with every run of spaces, tabs or line breaks, a no-break space pasted from a web page or a spreadsheet
     * included, as one space, and none around it ("Kunde  Service " is "Kunde Service"). Null for null.
     */
    public static String collapsed(String text) {
        return text == null ? null : RUNS.matcher(text).replaceAll(" ").strip();
    }
}
