package no.fyrtarn.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GET sent as its bytes, with the target exactly as given: {@link java.net.URI}, and so RestAssured and Java's
 * HttpClient, will not send what a browser leaves unencoded in a query ("{", "|").
 */
public final class RawHttp {

    /** The answer: its status, its headers (names in lower case, the last of each), its body as it came. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** @param headers lines such as {@code "User-Agent: Mozilla/5.0"} */
    public static Answer get(URL base, String target, String... headers) throws IOException {
        return getFrom(null, base, target, headers);
    }

    /** The same, from a local address of the caller's choice ({@code 127.0.0.2}); null lets the system choose. */
    public static Answer getFrom(InetAddress from, URL base, String target, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), from, 0)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost()).append(':').append(base.getPort()).append("\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> named = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                named.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), named, answer.substring(end + 4));
        }
    }
}
