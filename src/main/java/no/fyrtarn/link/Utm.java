package no.fyrtarn.link;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import no.fyrtarn.infra.WebUrls;
import no.fyrtarn.post.Network;

/**
 * Adds the campaign parameters to a post's URL. The URL's own query parameters are kept byte for byte, except any
 * utm_source/medium/campaign/content it already had, which ours replace (no duplicates); a fragment stays last. The
 * result is a Location header's: its host in ASCII ({@link WebUrls#withAsciiHost}), other non-ASCII percent-encoded.
 */
final class Utm {

    static final String MEDIUM = "employee_advocacy";

    private Utm() {
    }

    static String merge(String url, Network network, String campaign, UUID postId) {
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", network.name().toLowerCase(Locale.ROOT));
        utm.put("utm_medium", MEDIUM);
        utm.put("utm_campaign", campaign == null ? postId.toString() : campaign);
        utm.put("utm_content", postId.toString());

        String target = WebUrls.withAsciiHost(url);
        int hash = target.indexOf('#');
        String fragment = hash < 0 ? "" : target.substring(hash);
        String beforeFragment = hash < 0 ? target : target.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);

        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty() && !utm.containsKey(nameOf(parameter))) {
                parameters.add(parameter);
            }
        }
        utm.forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return ascii(base + "?" + String.join("&", parameters) + fragment);
    }

    /** Percent-encodes (UTF-8) what may not stand in a Location header as it is: non-ASCII and control characters. */
    private static String ascii(String url) {
        // negative bytes are the non-ASCII ones
        return WebUrls.percentEncoded(url, (bytes, at) -> bytes[at] >= 0x21 && bytes[at] != 0x7f);
    }

    private static String nameOf(String parameter) {
        int equals = parameter.indexOf('=');
        String raw = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape is kept as the URL had it
        }
    }
}
