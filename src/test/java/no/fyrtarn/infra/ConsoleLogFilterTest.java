package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import javax.transaction.xa.XAException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.reactive.messaging.providers.i18n.ProviderLogging;
import no.fyrtarn.testing.LogCapture;

/**
 * When PostgreSQL goes away, the transaction manager warns of each rollback on a pooled connection that broke with a
 * stack of some 30 lines: the warning stays, on its line, the stack goes. SmallRye's report that the outbox channel,
 * which has no upstream by design, has none is left out, and so are Kafka consumers failing because the service closes
 * them at a stop. Nothing else changes.
 */
class ConsoleLogFilterTest {

    private static final String ROLLBACK_FAILED = "ARJUNA016045: attempted rollback of < … > failed with exception code "
            + "XAException.XAER_RMERR: javax.transaction.xa.XAException: Error trying to transactionRollback local "
            + "transaction: This connection has been closed.";

    private final ConsoleLogFilter filter = new ConsoleLogFilter();

    @Test
    void a_rollback_on_a_connection_the_outage_broke_is_one_line() {
        LogRecord record = record("com.arjuna.ats.jta", rollbackFailed(new SQLException("closed", "08003")));
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage()).isEqualTo(ROLLBACK_FAILED);
    }

    @Test
    void any_other_failure_keeps_its_stack() {
        LogRecord otherCause = record("com.arjuna.ats.jta", rollbackFailed(new SQLException("duplicate", "23505")));
        LogRecord otherLogger = record("no.fyrtarn.outbox.OutboxRelay", new SQLException("refused", "08001"));
        for (LogRecord record : new LogRecord[] {otherCause, otherLogger}) {
            Throwable thrown = record.getThrown();
            assertThat(filter.isLoggable(record)).isTrue();
            assertThat(record.getThrown()).as(record.getLoggerName()).isSameAs(thrown);
        }
    }

    /** A consumer's batch refused record by record at a stop, with one reason: SmallRye logged a line per record. */
    @Test
    void one_failure_many_times_over_is_that_failure_once_and_several_different_ones_stay() {
        IllegalStateException reason = new IllegalStateException("clicks did not apply 5000 events before the stop");
        LogRecord refused = record("io.smallrye.reactive.messaging.provider",
                new CompositeException(reason, reason, reason));
        assertThat(filter.isLoggable(refused)).isTrue();
        assertThat(refused.getThrown()).isSameAs(reason);

        CompositeException different = new CompositeException(reason, new IllegalStateException("another"));
        LogRecord several = record("io.smallrye.reactive.messaging.provider", different);
        assertThat(filter.isLoggable(several)).isTrue();
        assertThat(several.getThrown()).isSameAs(different);
    }

    /**
     * SmallRye's report through its own logger, with the text its wiring gives it (OpenGraphException's message: a
     * line saying what this is, then a line for each component).
     */
    @Test
    void smallryes_report_that_the_outbox_has_no_upstream_is_left_out_but_not_one_naming_another_channel() {
        LogRecord outboxOnly = wiringReport("\t- OutgoingConnector{channel:'outbox', attribute:'mp.messaging.outgoing"
                + ".outbox'} has no upstream\n");
        assertThat(filter.isLoggable(outboxOnly)).isFalse();

        LogRecord another = wiringReport("\t- OutgoingConnector{channel:'outbox', attribute:'mp.messaging.outgoing"
                + ".outbox'} has no upstream\n\t- IncomingConnector{channel:'clicks', attribute:'mp.messaging.incoming"
                + ".clicks'} has no downstream\n");
        assertThat(filter.isLoggable(another)).isTrue();
        assertThat(((ExtLogRecord) another).getFormattedMessage()).contains("'outbox'", "'clicks'");
    }

    /**
     * At a stop, a consumer being closed fails at what it was doing (fetching its offsets after a rebalance, a poll):
     * left out, but only once the service closes them, and a consumer's other failures stay.
     */
    @Test
    void a_kafka_consumer_failing_because_it_is_being_closed_is_left_out_once_the_consumers_close() {
        LogRecord woken = record("io.smallrye.reactive.messaging.provider", new WakeupException());
        LogRecord closed = record("io.smallrye.reactive.messaging.kafka",
                new KafkaException(new IllegalStateException("This consumer has already been closed.")));
        LogRecord other = record("io.smallrye.reactive.messaging.kafka", new IllegalStateException("another"));
        LogRecord ours = record("no.fyrtarn.outbox.OutboxRelay", new WakeupException());
        try {
            for (LogRecord record : new LogRecord[] {woken, closed, other, ours}) {
                assertThat(filter.isLoggable(record)).as("running").isTrue();
            }
            ConsoleLogFilter.kafkaConsumersClosing(true);
            assertThat(filter.isLoggable(woken)).isFalse();
            assertThat(filter.isLoggable(closed)).isFalse();
            assertThat(filter.isLoggable(other)).isTrue();
            assertThat(filter.isLoggable(ours)).as("not SmallRye's").isTrue();
        } finally {
            ConsoleLogFilter.kafkaConsumersClosing(false);
        }
    }

    private static LogRecord wiringReport(String components) {
        try (LogCapture log = LogCapture.everything()) {
            ProviderLogging.log.reportWiringFailures(
                    "Some components are not connected to either downstream consumers or upstream producers:\n"
                            + components);
            return log.records().stream()
                    .filter(r -> "io.smallrye.reactive.messaging.provider".equals(r.getLoggerName()))
                    .findFirst().orElseThrow();
        }
    }

    private static XAException rollbackFailed(SQLException cause) {
        XAException failed = new XAException("Error trying to transactionRollback local transaction");
        failed.initCause(cause);
        return failed;
    }

    private static LogRecord record(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, ROLLBACK_FAILED);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }
}
