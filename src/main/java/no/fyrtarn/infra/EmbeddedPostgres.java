package no.fyrtarn.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
                    .setDataDirectory(dataDir)
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
