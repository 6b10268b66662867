package no.fyrtarn.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;

/**
 * Which request targets (the path and query a request names) the service takes: those {@link URI} takes, as Quarkus
 * checks them by default, and also those whose query holds one of the characters a browser sends there as they are
 * ({@code { } | \ ^ `}: the URL standard leaves them unencoded in a query, where RFC 3986 does not allow them).
 * Quarkus answered those with an empty 400, so a tracked link followed with {@code ?utm_content={{ad.name}}} (a mail
 * tool's placeholder left unfilled) or {@code ?ref=news|dec} (a naming habit of campaign tags) was lost, click and
 * all. The path stays as strict as before, and so does the rest of the query: a {@code %} not followed by two hex
 * digits, a quote, a space or a control character.
 */
public final class RequestTargets {

    /** What a browser leaves unencoded in a query that {@link URI} does not take. */
    private static final String LEFT_AS_IS_IN_A_QUERY = "{}|\\^`";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private RequestTargets() {
    }

    /** @param target the request's target as it came ({@code HttpServerRequest.uri()}) */
    public static boolean acceptable(String target) {
        if (parses(target)) {
            return true;
        }
        int query = target.indexOf('?');
        if (query < 0) {
            return false;
        }
        StringBuilder encoded = new StringBuilder(target.length() + 16).append(target, 0, query + 1);
        for (int at = query + 1; at < target.length(); at++) {
            char c = target.charAt(at);
            if (LEFT_AS_IS_IN_A_QUERY.indexOf(c) >= 0) {
                encoded.append('%').append(HEX.toHexDigits((byte) c));
            } else {
                encoded.append(c);
            }
        }
        return parses(encoded.toString());
    }

    private static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
