package no.fyrtarn.infra;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import io.smallrye.mutiny.CompositeException;

/**
 * The transaction manager's warning that a rollback failed on a connection PostgreSQL's going away broke, on one line
 * without its stack: it writes one for each pooled connection when the database goes, some 30 lines each, where the
 * service says the same in one line ({@link DatabaseOutage}). And a failure that is one exception many times over
 * (Mutiny's {@link CompositeException} of the same one), logged as that exception once: a consumer's batch left to
 * Kafka at a stop during an outage is refused record by record with the same reason, and SmallRye logged it with a
 * line for each record, up to 5 000 of them. Every other record passes as it is.
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
        if (record.getThrown() instanceof CompositeException composite
                && composite.getCauses().stream().allMatch(cause -> cause == composite.getCause())) {
            record.setThrown(composite.getCause());
        }
        return true;
    }
}
