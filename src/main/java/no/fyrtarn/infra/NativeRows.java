package no.fyrtarn.infra;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading the rows ({@code Object[]}) of a query: a native query's columns, whichever JDBC type the driver hands back
 * for them, and rows of counts.
 */
public final class NativeRows {

    private NativeRows() {
    }

    /** A timestamptz column; null stays null. */
    public static Instant instant(Object value) {
        return value == null || value instanceof Instant ? (Instant) value
                : value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }

    /** A date column. */
    public static LocalDate localDate(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    /** Rows of (a, b, count), as in {@code select a, b, count(x) ... group by a, b}: a → (b → count). */
    @SuppressWarnings("unchecked")
    public static <A, B> Map<A, Map<B, Long>> countsByTwo(List<Object[]> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(r -> (A) r[0], Collectors.toMap(r -> (B) r[1], r -> (Long) r[2])));
    }
}
