package no.fyrtarn.share;

import java.util.List;
import java.util.stream.Stream;

import no.fyrtarn.infra.QueryEnums;

/**
 * A post's links as CSV (RFC 4180, CRLF) for a spreadsheet. It starts with a byte order mark, without which Excel
 * reads UTF-8 as its own code page ("Ã¥" for "å" in a name). A cell someone typed (a name, a team) that a
 * spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with an
 * apostrophe.
 */
final class PostLinksCsv {

    static final String HEADER = "employeeId,name,team,network,shares,clicks,firstSharedAt,trackedUrl";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * Between cells: a comma, or a semicolon for Excel where a comma writes the decimals (Norwegian, Swedish), which
     * opens a file with commas as one column.
     */
    enum Separator {
        COMMA(","), SEMICOLON(";");

        private final String mark;

        Separator(String mark) {
            this.mark = mark;
        }

        static Separator parse(String value) {
            return QueryEnums.parse(Separator.class, value, "separator");
        }
    }

    private PostLinksCsv() {
    }

    static String of(List<PostLink> links, Separator separator) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK).append(HEADER.replace(",", separator.mark))
                .append("\r\n");
        for (PostLink l : links) {
            csv.append(String.join(separator.mark, Stream.of(l.employeeId().toString(), typed(l.name()),
                    typed(l.team()), l.network().name(), Long.toString(l.shares()), Long.toString(l.clicks()),
                    l.firstSharedAt().toString(), l.trackedUrl()).map(value -> cell(value, separator)).toList()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String typed(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String cell(String value, Separator separator) {
        return value.contains(separator.mark) || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
