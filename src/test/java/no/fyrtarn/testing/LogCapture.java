package no.fyrtarn.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** What a logger (and those below it) logs while this is open, at every level. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** What the class logs. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(Logger.getLogger(source.getName()));
    }

    /** What anything logs. */
    public static LogCapture everything() {
        return new LogCapture(Logger.getLogger(""));
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages logged at WARNING or above, with their parameters in place. */
    public List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
