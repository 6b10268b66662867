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
 * And, once the service has begun closing its Kafka consumers at a stop, SmallRye's reports of a consumer failing
 * because it is being closed: Kafka's {@code WakeupException} (a consumer fetching its offsets after a rebalance, as
 * the group's other members leave one by one) or "This consumer has already been closed" (a poll racing the close).
 * Each came as a WARN and an ERROR with their stacks at some stops, which an operator alerting on errors would be
 * called out for at a deploy (seen at one of seven stops of the tests' applications in a CI run of session 63, at none
 * of 22 stops of the packaged service, some right after its start or while another instance joined and left). What
 * was acknowledged is committed; the rest is redelivered after the restart.
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

    private static final String KAFKA_WAKEUP = "org.apache.kafka.common.errors.WakeupException";
    private static final String KAFKA_CONSUMER_CLOSED = "This consumer has already been closed.";

    private static volatile boolean consumersClosing;

    /** Said by {@code outbox/KafkaShutdown} as it closes the Kafka consumers, and as the service starts. */
    public static void kafkaConsumersClosing(boolean closing) {
        consumersClosing = closing;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (onlyTheOutboxUnconnected(record) || consumersClosing && closingConsumersFailure(record)) {
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

    private static boolean closingConsumersFailure(LogRecord record) {
        if (record.getLoggerName() == null || !record.getLoggerName().startsWith("io.smallrye.reactive.messaging")) {
            return false;
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            if (KAFKA_WAKEUP.equals(cause.getClass().getName()) || cause instanceof IllegalStateException
                    && KAFKA_CONSUMER_CLOSED.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
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
