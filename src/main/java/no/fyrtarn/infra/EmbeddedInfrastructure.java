package no.fyrtarn.infra;

import static no.fyrtarn.infra.LaunchSettings.environmentName;
import static no.fyrtarn.infra.LaunchSettings.setting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import no.fyrtarn.security.LocalKeys;

/**
 * Starts what the service needs but nobody configured: PostgreSQL when no JDBC URL is set, Kafka when no bootstrap
 * servers are set, a local key pair when no JWT verification key is set. The production path (all three configured)
 * starts nothing. See docs/adr/0001-embedded-infrastructure.md.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedInfrastructure.class);
    private static final String DATA_DIR = "fyrtarn.data-dir";

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final Map<String, String> config;

    private EmbeddedInfrastructure(DataDirectoryLock lock, EmbeddedPostgres postgres, EmbeddedKafka kafka,
            Map<String, String> config) {
        this.lock = lock;
        this.postgres = postgres;
        this.kafka = kafka;
        this.config = config;
    }

    public static EmbeddedInfrastructure startWhereMissing() {
        Path dataDir = Path.of(setting(DATA_DIR, "data"));
        String profile = setting("quarkus.profile", "prod");
        boolean embedPostgres = setting("quarkus.datasource.jdbc.url") == null;
        boolean embedKafka = setting("kafka.bootstrap.servers") == null;
        // everything that can stop the launch is checked before any server starts
        int pgPort = embedPostgres ? port("fyrtarn.pg-port", 54320) : 0;
        int kafkaPort = embedKafka ? port("fyrtarn.kafka-port", 19092) : 0;
        int controllerPort = embedKafka ? port("fyrtarn.kafka-controller-port", kafkaPort + 1) : 0;
        int httpPort = embedPostgres || embedKafka ? httpPort() : 0;
        DataDirectoryLock lock = embedPostgres || embedKafka ? lock(dataDir) : null;
        Map<String, String> config = new LinkedHashMap<>();
        EmbeddedPostgres postgres = null;
        EmbeddedKafka kafka = null;
        try {
            if (embedPostgres) {
                // nobody else holds the directory now, so a server still running on it is a killed launch's
                EmbeddedPostgres.stopLeftRunning(dataDir.resolve("postgres"));
                checkFree(pgPort, "fyrtarn.pg-port", "The embedded PostgreSQL");
            }
            if (embedKafka) {
                checkFree(kafkaPort, "fyrtarn.kafka-port", "The embedded Kafka");
                checkFree(controllerPort, "fyrtarn.kafka-controller-port", "The embedded Kafka controller");
            }
            if (httpPort != 0) { // else Quarkus would say so only once both servers had started, 15 s later
                checkFree(httpPort, "quarkus.http.port", "The service");
            }
            if (embedPostgres) {
                warnInProd(profile, "PostgreSQL", "QUARKUS_DATASOURCE_JDBC_URL");
                boolean durable = Boolean.parseBoolean(setting("fyrtarn.pg-durable"));
                postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), pgPort, durable);
                config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                config.put("quarkus.datasource.username", EmbeddedPostgres.USER);
                config.put("quarkus.datasource.password", "");
                LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d (data in %s)%s", postgres.port(),
                        dataDir.resolve("postgres").toAbsolutePath(), durable ? ", durable" : "");
            }
            if (embedKafka) {
                warnInProd(profile, "Kafka", "KAFKA_BOOTSTRAP_SERVERS");
                kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                LOG.infof("Embedded Kafka listening on %s (data in %s)", kafka.bootstrapServers(),
                        dataDir.resolve("kafka").toAbsolutePath());
            }
            if (setting("mp.jwt.verify.publickey.location") == null && setting("mp.jwt.verify.publickey") == null) {
                config.putAll(LocalKeys.inDirectory(dataDir.resolve("keys")).config());
            }
        } catch (RuntimeException e) {
            new EmbeddedInfrastructure(lock, postgres, kafka, config).close();
            throw e;
        }
        return new EmbeddedInfrastructure(lock, postgres, kafka, config);
    }

    private static void warnInProd(String profile, String what, String key) {
        if ("prod".equals(profile)) {
            LOG.warnf("No external %s configured (%s): starting an embedded one. Fine for a trial, not for production.",
                    what, key);
        }
    }

    /** The service's own port; 0 when Quarkus is asked to pick a free one. */
    private static int httpPort() {
        String value = setting("quarkus.http.port");
        return value != null && value.strip().equals("0") ? 0 : port("quarkus.http.port", 8080);
    }

    /** The port {@code property} names, or the fallback. */
    private static int port(String property, int fallback) {
        String value = setting(property);
        return value == null ? fallback : port(property, value);
    }

    /**
     * Stops the launch unless {@code port} is free. Taken (another instance running, most likely), the embedded servers
     * would not say so: PostgreSQL's start would find the other one's server ready, and Kafka's would end the JVM
     * before any log line of this launch was written.
     */
    private static void checkFree(int port, String property, String listener) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new CannotStart(("%s cannot listen on 127.0.0.1:%d, which is in use (is Fyrtårn running"
                    + " already?). Stop that, or choose another port with %s.")
                    .formatted(listener, port, environmentName(property)));
        }
    }

    private static int port(String property, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CannotStart("%s must be a port number from 1 to 65535, not \"%s\"."
                .formatted(environmentName(property), value));
    }

    private static DataDirectoryLock lock(Path dataDir) {
        DataDirectoryLock lock = DataDirectoryLock.tryAcquire(dataDir);
        if (lock == null) {
            throw new CannotStart(("The data directory %s is in use by another Fyrtårn. Stop that, or choose another"
                    + " directory with %s.").formatted(dataDir.toAbsolutePath(), environmentName(DATA_DIR)));
        }
        return lock;
    }

    /**
     * A launch stopped by something the person starting it can change (a port, a directory): the message says what,
     * and FyrtarnMain prints it alone, without a stack trace.
     */
    public static final class CannotStart extends IllegalStateException {
        CannotStart(String message) {
            super(message);
        }
    }

    private boolean closed;

    /** Configuration to hand to Quarkus for what was started here. */
    public Map<String, String> config() {
        return config;
    }

    /** Idempotent: FyrtarnMain may reach it from the main thread and from its shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
