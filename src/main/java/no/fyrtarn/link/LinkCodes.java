package no.fyrtarn.link;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Tracked-link codes: random base62, so they are neither sequential nor guessable. */
final class LinkCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z]{7,16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    /** {@code length} base62 characters: 8 give 62^8 ≈ 2·10^14 codes. */
    static String next(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** Whether this could be a code at all; anything else is a 404 without a lookup. */
    static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }
}
