package no.fyrtarn.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging cursors: the position of the last row shown, base64url-encoded so clients do not build them. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or null for no cursor; a cursor we did not issue is a 400 naming "cursor". */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor from a previous page");
        }
    }
}
