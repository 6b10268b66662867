package no.fyrtarn.infra;

/**
 * Text PostgreSQL can store, checked where text comes in: JSON ({@link StrictJson}), the pages' forms
 * ({@code web/FormText}), the directory's CSV, query parameters that reach SQL as text ({@link #require}) and cursors
 * ({@link Cursor}). Text that is not is refused as a 400 naming the field, before it reaches a row:
 * <ul>
 * <li>A text column refuses the NUL character (U+0000): until session 41 the insert failed, with a 500.</li>
 * <li>Half a character, an unpaired UTF-16 surrogate, has no UTF-8 form: the driver wrote "?" in its place, so a
 * text a client had cut inside an emoji (JavaScript's {@code slice} counts UTF-16 units) was stored with a "?" at its
 * end. Only JSON can carry one, as an escape of half a pair: bytes that are not UTF-8, in a form, a query or a CSV,
 * decode to U+FFFD.</li>
 * </ul>
 */
public final class StorableText {

    public static final String NUL = "must not contain the NUL character (\\u0000)";
    private static final String HALF = "must not contain half a character (\\u%04X without its other half, as when a"
            + " text is cut inside an emoji)";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        return problem(text) == null;
    }

    /** @return why PostgreSQL cannot store the text, or null when it can */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            return NUL;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    i++; // a whole character beyond U+FFFF, such as an emoji
                } else {
                    return HALF.formatted((int) c);
                }
            }
        }
        return null;
    }

    /** @return the text, for a query parameter on its way to SQL; one it cannot store, a 400 naming {@code field} */
    public static String require(String field, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw ProblemException.badRequest(field, problem);
        }
        return text;
    }
}
