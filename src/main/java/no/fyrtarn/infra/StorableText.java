package no.fyrtarn.infra;

/**
 * Text PostgreSQL can store: a text column refuses the NUL character (U+0000), so text with it is refused as a 400
 * naming the field, before it reaches a row (until session 41 the insert failed, with a 500). Checked where text comes
 * in: JSON ({@link StrictJson}), the pages' forms ({@code web/FormText}), the directory's CSV, query parameters
 * that reach SQL as text ({@link #require}) and cursors ({@link Cursor}).
 */
public final class StorableText {

    public static final String NUL = "must not contain the NUL character (\\u0000)";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

    /** @return the text, for a query parameter on its way to SQL; with the character, a 400 naming {@code field} */
    public static String require(String field, String text) {
        if (!isStorable(text)) {
            throw ProblemException.badRequest(field, NUL);
        }
        return text;
    }
}
