package no.fyrtarn.infra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/** Opaque paging cursors: the position of the last row shown, base64url-encoded so clients do not build them. */
public final class Cursor {

    private Cursor() {
    }

    /** A position in a list ordered by (time, id), both descending: the keyset of every newest-first list. */
    public record At(Instant at, UUID id) {

        public String position() {
            return at + "|" + id;
        }
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or null for no cursor; a cursor we did not issue is a 400 naming "cursor". */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String position;
        try {
            position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (!StorableText.isStorable(position)) { // "ALL" decodes to a NUL and more: not ours, and not for SQL
            throw notOurs();
        }
        return position;
    }

    /** @return the (time, id) position of a newest-first list, or null for no cursor. */
    public static At decodeAt(String cursor) {
        return decode(cursor, position -> {
            String[] parts = position.split("\\|", 2);
            return new At(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        });
    }

    /**
     * @return the position {@code parse} reads from the cursor, or null for no cursor; a cursor it cannot read (it
     *         throws) is a 400 naming "cursor"
     */
    public static <T> T decode(String cursor, Function<String, T> parse) {
        String position = decode(cursor);
        if (position == null) {
            return null;
        }
        try {
            return parse.apply(position);
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    private static ProblemException notOurs() {
        return ProblemException.badRequest("cursor", Language.text("fyrtarn.cursor.foreign"));
    }
}
