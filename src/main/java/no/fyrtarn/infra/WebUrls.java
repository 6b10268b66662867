package no.fyrtarn.infra;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Absolute http(s) URLs as people write them, for the clients that follow them. */
public final class WebUrls {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Which of a text's UTF-8 bytes stand in a URL as they are, given the bytes and where the one asked about is. */
    @FunctionalInterface
    public interface KeptAsIs {
        boolean test(byte[] bytes, int at);
    }

    private WebUrls() {
    }

    /** The text in UTF-8 with each byte that {@code keep} does not keep percent-encoded ({@code %C3%A6} for "æ"). */
    public static String percentEncoded(String text, KeptAsIs keep) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int at = 0; at < bytes.length; at++) {
            if (keep.test(bytes, at)) {
                out.append((char) bytes[at]);
            } else {
                out.append('%').append(HEX.toHexDigits(bytes[at]));
            }
        }
        return out.toString();
    }

    /**
     * The URL with its host in ASCII, as {@link java.net.URI} and the clients that follow a {@code Location} header
     * (link-preview bots among them) need it: an internationalized domain name ("blåbær.no", as a browser shows it and
     * copies it) in its IDNA form ("xn--blbr-roah.no"). Everything else stays as it was, and so does a URL without an
     * authority or with an ASCII host.
     *
     * @throws IllegalArgumentException when the host is not a name IDNA can write in ASCII
     */
    public static String withAsciiHost(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        int hostStart = at >= start ? at + 1 : start;
        int port = url.indexOf(':', hostStart);
        int hostEnd = port >= 0 && port < end ? port : end;
        String host = url.substring(hostStart, hostEnd);
        if (host.chars().allMatch(c -> c < 0x80)) {
            return url; // an IPv6 literal ("[::1]") too: its colons are ASCII, and it is cut at the first of them
        }
        return url.substring(0, hostStart) + IDN.toASCII(host) + url.substring(hostEnd);
    }
}
