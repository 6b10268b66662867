package no.fyrtarn.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server (binaries from Maven Central) for the local run and the tests. Listens on loopback only;
 * its data directory survives restarts. Like every embedded server of its library it runs without {@code fsync} and
 * with {@code synchronous_commit=off} unless asked to be durable: a commit then waits for its WAL on disk, as on a
 * production server.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DATABASE = "fyrtarn";
    public static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final int port;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
            if (durable) {
                // after the library's own -F on the command line, so these win
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            var server = builder
                    .setDataDirectory(dataDir.toAbsolutePath()) // as its command line names it: stopLeftRunning
                    .setCleanDataDirectory(false)
                    // stopped by FyrtarnMain after Quarkus, not by a JVM hook racing Quarkus' own shutdown (queued clicks)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            var pg = new EmbeddedPostgres(server, port);
            pg.createDatabaseIfMissing();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Stops the server a launch left running on {@code dataDir} when its JVM was killed (kill -9, an IDE's stop button
     * that does not wait, the kernel out of memory): PostgreSQL runs as processes of its own, which outlive the JVM
     * that started them and keep the port and the directory, so the next launch stopped on the taken port. Only for a
     * directory no launch holds ({@link DataDirectoryLock}). Stopped fast (SIGINT, what {@code pg_ctl -m fast} sends;
     * {@code pg_ctl} itself refuses to run as root): it rolls back what is open and writes what was committed.
     */
    static void stopLeftRunning(Path dataDir) {
        Optional<ProcessHandle> server = serverOf(dataDir);
        if (server.isEmpty()) {
            return;
        }
        long pid = server.get().pid();
        Logger.getLogger(EmbeddedPostgres.class).warnf("Stopping the embedded PostgreSQL (pid %d) that an earlier"
                + " launch left running in %s when it did not stop cleanly", pid, dataDir.toAbsolutePath());
        Exception cause = null;
        try {
            if (new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor() == 0) {
                server.get().onExit().get(60, TimeUnit.SECONDS);
                return;
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause = e;
        }
        throw new IllegalStateException("Could not stop the embedded PostgreSQL (pid %d) left running in %s"
                .formatted(pid, dataDir.toAbsolutePath()), cause);
    }

    /**
     * The PostgreSQL server running on {@code dataDir}, as its {@code postmaster.pid} names it; empty when there is
     * none, or when that process is gone (the file outlives a crash) or is not a PostgreSQL server (its number reused).
     */
    private static Optional<ProcessHandle> serverOf(Path dataDir) {
        List<String> pidFile;
        try {
            pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pidFile.isEmpty() || !pidFile.getFirst().strip().matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pidFile.getFirst().strip()))
                .filter(process -> isServerOf(process.info(), dataDir));
    }

    /** Whether the process is a PostgreSQL server started with {@code -D dataDir}, as the embedded one is. */
    private static boolean isServerOf(ProcessHandle.Info process, Path dataDir) {
        boolean postgres = process.command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false);
        List<String> arguments = List.of(process.arguments().orElse(new String[0]));
        int d = arguments.indexOf("-D");
        return postgres && d >= 0 && d + 1 < arguments.size() && Path.of(arguments.get(d + 1)).toAbsolutePath()
                .normalize().equals(dataDir.toAbsolutePath().normalize());
    }

    private void createDatabaseIfMissing() {
        try (Connection c = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
