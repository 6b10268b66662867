package no.fyrtarn.infra;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Reading the columns of a native query's rows, whichever JDBC type the driver hands back for them. */
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
}
