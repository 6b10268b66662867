package no.fyrtarn.infra;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;
import io.smallrye.mutiny.CompositeException;

/**
 * The console's log, without noise that would hide what matters in it.
 * <p>
 * The transaction manager's warning that a rollback failed on a connection PostgreSQL's going away broke, on one line
 * without its stack: it writes one for each pooled connection when the database goes, some 30 lines each, where the
 * service says the same in one line ({@link DatabaseOutage}). And a failure that is one exception many times over
 * (Mutiny's {@link CompositeException} of the same one), logged as that exception once: a consumer's batch left to
 * Kafka at a stop during an outage is refused record by record with the same reason, and SmallRye logged it with a
 * line for each record, up to 5 000 of them.
 * <p>
 * And SmallRye's warning at every start that the {@code outbox} channel has no upstream, when it names that channel
 * alone: {@code outbox/KafkaPublisher} sends on the channel's Kafka producer itself, so the channel has none by design,
 * and an operator could read the warning as events not going out. A warning that names another channel stays whole.
 * <p>
 * Every other record passes as it is.
 */
@LoggingFilter(name = ConsoleLogFilter.NAME)
public final class ConsoleLogFilter implements Filter {

    /** What {@code quarkus.log.console.filter} names. */
    public static final String NAME = "fyrtarn-console";

    /** SmallRye's start-up report of channels left unconnected, and its line for the outbox's producer channel. */
    private static final String WIRING_LOGGER = "io.smallrye.reactive.messaging.provider";
    private static final String UNCONNECTED = "SRMSG00207";
    private static final String OUTBOX_WITHOUT_UPSTREAM =
            "- OutgoingConnector{channel:'outbox', attribute:'mp.messaging.outgoing.outbox'} has no upstream";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (onlyTheOutboxUnconnected(record)) {
            return false;
        }
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

    private static boolean onlyTheOutboxUnconnected(LogRecord record) {
        if (!WIRING_LOGGER.equals(record.getLoggerName())) {
            return false;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message == null || !message.startsWith(UNCONNECTED)) {
            return false;
        }
        List<String> components = message.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).toList();
        return components.equals(List.of(OUTBOX_WITHOUT_UPSTREAM));
    }
}
