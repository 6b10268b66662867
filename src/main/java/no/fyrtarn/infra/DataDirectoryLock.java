package no.fyrtarn.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Held by a launch for as long as its embedded servers run, so that a second launch on the same data directory stops
 * before it starts anything. Without it, the second launch's PostgreSQL failed on its own lock file with a screenful of
 * buffered start-up logging, and its Kafka (with an external PostgreSQL) ended the JVM without a word.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "fyrtarn.lock";

    private final FileChannel channel;

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /** The lock, or null when another launch (in this JVM or another process) holds it. */
    static DataDirectoryLock tryAcquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            return new DataDirectoryLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    /** Closing the channel releases the lock; the file stays, empty, for the next launch. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
