package no.fyrtarn.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.fyrtarn.infra.EmbeddedKafka;
import no.fyrtarn.infra.EmbeddedPostgres;

/**
 * The tests' real PostgreSQL and Kafka, started once per test JVM with the same helpers as the local run (random
 * loopback ports, a fresh data directory under target/). Shared across Quarkus restarts for test profiles.
 */
public class EmbeddedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path postgresDir;
    private static int postgresPort;
    private static EmbeddedKafka kafka;
    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        return startOnce();
    }

    static synchronized Map<String, String> startOnce() {
        if (config == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of("target"), "test-infra-");
                postgresDir = dir.resolve("postgres");
                postgresPort = freePort();
                postgres = EmbeddedPostgres.start(postgresDir, postgresPort, false);
                int kafkaPort = freePort();
                kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, freePort());
                Map<String, String> c = new HashMap<>();
                c.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                c.put("quarkus.datasource.username", EmbeddedPostgres.USER);
                c.put("quarkus.datasource.password", "");
                c.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                // JWT keys: Quarkus test mode provides an in-memory pair for signing and verifying
                config = Map.copyOf(c);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    kafka.close();
                    if (postgres != null) {
                        postgres.close();
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config;
    }

    /** The broker, for tests that take Kafka away and bring it back. */
    public static EmbeddedKafka kafka() {
        return kafka;
    }

    /** Stops the broker and waits until the service's readiness check reports it (503): the service knows Kafka is away. */
    public static void stopKafkaUntilServiceNotReady() {
        kafka().stop();
        awaitReadiness(503, Duration.ofSeconds(15));
    }

    /** For tests that stop the broker: brings it back if a failed test left it stopped. */
    public static void ensureKafkaRunning() {
        if (!kafka().isRunning()) {
            kafka().restart();
        }
    }

    /** Stops PostgreSQL and waits until the service's readiness check reports it (503). */
    public static synchronized void stopPostgresUntilServiceNotReady() {
        postgres.close();
        postgres = null;
        awaitReadiness(503, Duration.ofSeconds(15));
    }

    /**
     * For tests that stop PostgreSQL: starts it again on its port and data, if stopped. The service's pool may still
     * hold connections to the server that went away; the caller flushes them.
     */
    public static synchronized void ensurePostgresRunning() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start(postgresDir, postgresPort, false);
        }
    }

    /**
     * Freezes PostgreSQL (SIGSTOP to the server and its backends): connections stay open and nothing answers, as with
     * a network partition or a stuck host. {@link #resumePostgres} thaws it.
     */
    public static void pausePostgres() {
        signalPostgres("-STOP");
    }

    public static void resumePostgres() {
        signalPostgres("-CONT");
    }

    private static void signalPostgres(String signal) {
        String port = "-p " + postgresPort + " "; // the server's command line: postgres -D <dir> -p <port> -F …
        List<String> command = new ArrayList<>(List.of("kill", signal));
        ProcessHandle.allProcesses() // pg_ctl started the server: not a child of this JVM
                .filter(p -> p.info().commandLine().orElse("").contains(port))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .forEach(p -> command.add(String.valueOf(p.pid())));
        assertThat(command).as("the server's processes").hasSizeGreaterThan(2);
        try {
            assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the service's readiness check is UP again after a test took PostgreSQL or Kafka away: that includes
     * every consumer whose batch failed meanwhile having applied it, after a back-off that reaches 16 s.
     */
    public static void awaitServiceReady() {
        awaitReadiness(200, Duration.ofSeconds(60));
    }

    private static void awaitReadiness(int status, Duration within) {
        await().atMost(within).until(() -> given().get("/q/health/ready").statusCode() == status);
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        // shared by every Quarkus start in this JVM; stopped by the shutdown hook
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A loopback port someone else listens on (until the socket is closed), as another instance's server would. */
    public static ServerSocket takenPort() throws IOException {
        var socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }
}
