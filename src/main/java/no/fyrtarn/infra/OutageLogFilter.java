package no.fyrtarn.infra;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The transaction manager's warning that a rollback failed on a connection PostgreSQL's going away broke, on one line
 * without its stack: it writes one for each pooled connection when the database goes, some 30 lines each, where the
 * service says the same in one line ({@link DatabaseOutage}). Every other record passes as it is.
 */
@LoggingFilter(name = OutageLogFilter.NAME)
public final class OutageLogFilter implements Filter {

    /** What {@code quarkus.log.console.filter} names. */
    public static final String NAME = "database-outage";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() != null && record.getLoggerName() != null
                && record.getLoggerName().startsWith("com.arjuna") && DatabaseOutage.causedBy(record.getThrown())) {
            record.setThrown(null);
        }
        return true;
    }
}
