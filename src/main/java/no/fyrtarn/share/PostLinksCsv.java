package no.fyrtarn.share;

import java.util.List;
import java.util.stream.Stream;

/**
 * A post's links as CSV (RFC 4180, CRLF) for a spreadsheet. A cell someone typed (a name, a team) that a spreadsheet
 * would take for a formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
 */
final class PostLinksCsv {

    static final String HEADER = "employeeId,name,team,network,shares,clicks,firstSharedAt,trackedUrl";

    private PostLinksCsv() {
    }

    static String of(List<PostLink> links) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PostLink l : links) {
            csv.append(String.join(",", Stream.of(l.employeeId().toString(), typed(l.name()), typed(l.team()),
                    l.network().name(), Long.toString(l.shares()), Long.toString(l.clicks()),
                    l.firstSharedAt().toString(), l.trackedUrl()).map(PostLinksCsv::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String typed(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
