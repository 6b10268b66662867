package no.fyrtarn.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.StorableText;

/**
 * Reads the directory CSV: a header line with the JSON field names (email, name, team, managerEmail, location,
 * language, roles) in any case ("Email", as a spreadsheet heads its columns), each once, RFC 4180 quoting, roles
 * separated by ';', '|' or (in a quoted cell) ',' inside their cell. Cells are separated by commas, or by semicolons
 * when the header line has those and no comma: Excel writes them where a comma writes decimals (Norwegian, Swedish).
 * UTF-8 only: Excel's plain "CSV" is the Windows code page, whose æ, ø and å would be stored as replacement
 * characters, so such a file is a 400 saying to save it as CSV UTF-8. A column without a name, and cells past the
 * header's, are left alone while they are empty (Excel writes them for a column once used); a value in one is a 400
 * naming its row, since it is most often a cell cut in two by a comma that is not quoted ("Nordmann, Kari"), which
 * shifted the row's later cells into the wrong columns.
 */
final class EmployeeCsv {

    private static final List<String> COLUMNS = List.of("email", "name", "team", "managerEmail", "location", "language",
            "roles");

    /** What a body that is not UTF-8 holds where its bytes were not: the replacement character. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private EmployeeCsv() {
    }

    static List<EmployeeRow> parse(String csv) {
        if (!StorableText.isStorable(csv)) {
            throw ProblemException.badRequest("body", StorableText.NUL
                    + "; a file saved as UTF-16 has one in every other byte: save it as CSV UTF-8");
        }
        if (csv != null && csv.indexOf(NOT_UTF_8) >= 0) {
            throw ProblemException.badRequest("body", "is not UTF-8: save it as CSV UTF-8");
        }
        String text = csv == null ? "" : csv.replace("\uFEFF", "");
        List<List<String>> records = records(text, separator(text));
        if (records.isEmpty()) {
            throw ProblemException.badRequest("body", "CSV needs a header line: " + String.join(",", COLUMNS));
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String given = header.get(i).trim();
            if (given.isEmpty()) {
                continue; // a column without a name, which must stay empty
            }
            String name = COLUMNS.stream().filter(given::equalsIgnoreCase).findFirst().orElseThrow(
                    () -> ProblemException.badRequest("header", "unknown column '" + given + "'; expected " + COLUMNS));
            if (index.putIfAbsent(name, i) != null) {
                throw ProblemException.badRequest("header", "column '" + name + "' is given more than once");
            }
        }
        if (!index.containsKey("email") || !index.containsKey("name")) {
            throw ProblemException.badRequest("header", "the columns email and name are required");
        }
        List<EmployeeRow> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            outside(record, index.values()).ifPresent(value -> {
                throw ProblemException.badRequest("[" + rows.size() + "]", "has a value in a column without a name ('"
                        + value + "'): is there a comma in a cell that is not quoted?");
            });
            String roles = cell(record, index, "roles");
            rows.add(new EmployeeRow(cell(record, index, "email"), cell(record, index, "name"),
                    cell(record, index, "team"), cell(record, index, "managerEmail"), cell(record, index, "location"),
                    cell(record, index, "language"),
                    roles == null ? null : Arrays.stream(roles.split("[;|,]")).map(String::trim)
                            .filter(s -> !s.isEmpty()).toList()));
        }
        return rows;
    }

    /** The first value of the record outside the named columns: in one without a name, or past the header's. */
    private static Optional<String> outside(List<String> record, Collection<Integer> named) {
        for (int i = 0; i < record.size(); i++) {
            if (!named.contains(i) && !record.get(i).isBlank()) {
                return Optional.of(record.get(i).trim());
            }
        }
        return Optional.empty();
    }

    private static String cell(List<String> record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = record.get(i).trim();
        return value.isEmpty() ? null : value;
    }

    /** A semicolon if the header line has one and no comma; else a comma. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    private static List<List<String>> records(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true; // a quote opens a quoted cell only at its start; elsewhere it is text
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.badRequest("body", "CSV has an unterminated quoted cell");
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
