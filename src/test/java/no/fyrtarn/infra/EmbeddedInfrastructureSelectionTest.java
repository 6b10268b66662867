package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static no.fyrtarn.testing.EmbeddedInfrastructureResource.takenPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Production configures its own services: then the launcher must start nothing embedded. Where it starts one, the port
 * must be free, or the launch stops with a message that says which port and how to choose another.
 */
class EmbeddedInfrastructureSelectionTest {

    private static final Map<String, String> EXTERNAL = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.invalid:5432/fyrtarn",
            "kafka.bootstrap.servers", "kafka.invalid:9092",
            "mp.jwt.verify.publickey.location", "https://login.invalid/jwks.json");

    @Test
    void nothing_embedded_starts_when_datasource_broker_and_key_are_configured() {
        String dataDir = "target/must-not-be-created";
        try (var infrastructure = launchWith(EXTERNAL, dataDir)) {
            assertThat(infrastructure.config()).isEmpty();
            assertThat(new File(dataDir)).doesNotExist();
        }
    }

    /**
     * Before the check, a taken PostgreSQL port made this launch wait for ever (its start took the port's listener for
     * its server), and a taken Kafka port ended the JVM without a word. A taken HTTP port Quarkus named only after
     * both servers had started (15 s and 55 lines of start-up logging in), and stopped them again.
     */
    @ParameterizedTest
    @CsvSource({
            "quarkus.datasource.jdbc.url, fyrtarn.pg-port, PostgreSQL, FYRTARN_PG_PORT, postgres",
            "kafka.bootstrap.servers, fyrtarn.kafka-port, Kafka, FYRTARN_KAFKA_PORT, kafka",
            "kafka.bootstrap.servers, fyrtarn.kafka-controller-port, Kafka controller, "
                    + "FYRTARN_KAFKA_CONTROLLER_PORT, kafka",
            "quarkus.datasource.jdbc.url, quarkus.http.port, The service, QUARKUS_HTTP_PORT, postgres"})
    @Timeout(60)
    void a_taken_port_stops_the_launch_naming_the_port_and_its_setting(String unset, String portSetting, String server,
            String environmentName, String serverDir) throws Exception {
        try (var taken = takenPort()) {
            Map<String, String> settings = new HashMap<>(EXTERNAL);
            settings.remove(unset);
            settings.put("fyrtarn.kafka-port", String.valueOf(freePort())); // not a local run's, if one is running
            settings.put(portSetting, String.valueOf(taken.getLocalPort()));
            Path dataDir = Files.createTempDirectory(Path.of("target"), "taken-port-");

            assertThatThrownBy(() -> launchWith(settings, dataDir.toString()))
                    .isInstanceOf(EmbeddedInfrastructure.CannotStart.class)
                    .hasMessageContaining(server + " cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining(environmentName);
            assertThat(dataDir.resolve(serverDir)).doesNotExist();
        }
    }

    @ParameterizedTest
    @CsvSource({"fyrtarn.pg-port, abc, FYRTARN_PG_PORT", "fyrtarn.kafka-port, 70000, FYRTARN_KAFKA_PORT",
            "fyrtarn.kafka-controller-port, 0, FYRTARN_KAFKA_CONTROLLER_PORT"})
    void a_port_setting_that_is_no_port_stops_the_launch_naming_the_setting(String portSetting, String value,
            String environmentName) throws Exception {
        Map<String, String> settings = new HashMap<>(EXTERNAL);
        settings.remove(portSetting.contains("kafka") ? "kafka.bootstrap.servers" : "quarkus.datasource.jdbc.url");
        settings.put("fyrtarn.kafka-port", String.valueOf(freePort())); // not a local run's, if one is running
        settings.put(portSetting, value);
        Path dataDir = Files.createTempDirectory(Path.of("target"), "not-a-port-");

        assertThatThrownBy(() -> launchWith(settings, dataDir.toString()))
                .isInstanceOf(EmbeddedInfrastructure.CannotStart.class)
                .hasMessage(environmentName + " must be a port number from 1 to 65535, not \"" + value + "\".");
        assertThat(dataDir).isEmptyDirectory();
    }

    /**
     * Before the lock, a second launch on the same data directory (other ports) failed on PostgreSQL's own lock file,
     * after a screenful of start-up logging; with an external PostgreSQL, its Kafka ended the JVM without a word.
     */
    @Test
    @Timeout(60)
    void a_data_directory_in_use_by_another_process_stops_the_launch_until_that_process_is_gone() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "taken-data-dir-");
        Map<String, String> settings = new HashMap<>(EXTERNAL);
        settings.remove("kafka.bootstrap.servers");
        settings.put("fyrtarn.kafka-port", String.valueOf(freePort()));
        settings.put("fyrtarn.kafka-controller-port", String.valueOf(freePort()));
        Process other = holdingTheLockOf(dataDir);
        try {
            assertThatThrownBy(() -> launchWith(settings, dataDir.toString()))
                    .isInstanceOf(EmbeddedInfrastructure.CannotStart.class)
                    .hasMessageContaining("data directory " + dataDir.toAbsolutePath() + " is in use")
                    .hasMessageContaining("FYRTARN_DATA_DIR");
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        } finally {
            other.destroyForcibly().waitFor();
        }
        // killed, as a crash would end it: the lock file it leaves behind holds nobody back
        try (var lock = DataDirectoryLock.tryAcquire(dataDir)) {
            assertThat(lock).isNotNull();
        }
    }

    /**
     * PostgreSQL runs as processes of its own: a launch whose JVM was killed (kill -9, an IDE's stop button that does
     * not wait) left it running. Before, the next launch on the same directory and port stopped at once: the port was
     * "in use (is Fyrtårn running already?)", though no Fyrtårn was, until one found the server and stopped it by hand.
     */
    @Test
    @Timeout(120)
    void a_launch_after_one_that_was_killed_stops_the_postgresql_left_running_and_keeps_its_data() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "killed-launch-");
        int port = freePort();
        Map<String, String> settings = new HashMap<>(EXTERNAL);
        settings.remove("quarkus.datasource.jdbc.url");
        settings.put("fyrtarn.pg-port", String.valueOf(port));
        Process killed = launchedInAJvmOfItsOwn(settings, dataDir);
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedPostgres.DATABASE;
        execute(jdbcUrl, "create table kept (note text)", "insert into kept values ('written before the kill')");
        long leftRunning = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        killed.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(leftRunning).filter(ProcessHandle::isAlive)).isPresent();

        try (var launch = launchWith(settings, dataDir.toString())) {
            assertThat(ProcessHandle.of(leftRunning).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(launch.config()).containsEntry("quarkus.datasource.jdbc.url", jdbcUrl);
            try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
                    ResultSet kept = c.createStatement().executeQuery("select note from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("written before the kill");
            }
        } finally {
            ProcessHandle.of(leftRunning).ifPresent(ProcessHandle::destroy); // should the launch have left it
        }
    }

    /** A launch with these settings in a JVM of its own, once its servers are up. */
    private static Process launchedInAJvmOfItsOwn(Map<String, String> settings, Path dataDir) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Dfyrtarn.data-dir=" + dataDir));
        withFreeHttpPort(settings).forEach((key, value) -> options.add("-D" + key + "=" + value));
        return inAJvmOfItsOwn(Launch.class, options);
    }

    /** Starts what the system properties leave out, says so, and runs until it is killed. */
    static final class Launch {
        public static void main(String[] args) throws Exception {
            EmbeddedInfrastructure.startWhereMissing();
            System.out.println(READY);
            Thread.sleep(120_000);
        }
    }

    private static void execute(String jdbcUrl, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
                Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Another JVM that takes the data directory's lock as a running launch holds it, once it has it. */
    private static Process holdingTheLockOf(Path dataDir) throws IOException {
        return inAJvmOfItsOwn(HoldLock.class, List.of(), dataDir.resolve(DataDirectoryLock.FILE_NAME).toString());
    }

    /** Locks the file it is given, says so, and holds the lock until it is killed. */
    static final class HoldLock {
        public static void main(String[] args) throws Exception {
            try (var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                channel.lock();
                System.out.println(READY);
                Thread.sleep(120_000);
            }
        }
    }

    /** What {@link Launch} and {@link HoldLock} print once they are what the test needs. */
    private static final String READY = "ready";

    /** {@code main}, from the tests' class path, in a JVM of its own with these options and arguments, once ready. */
    private static Process inAJvmOfItsOwn(Class<?> main, List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(options);
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals(READY)) {
            // its start-up logging
        }
        assertThat(line).as("%s in a JVM of its own is ready", main.getSimpleName()).isEqualTo(READY);
        return process;
    }

    /** The settings, with the service's port a free one unless they name it: not a local run's, if one is running. */
    private static Map<String, String> withFreeHttpPort(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        try {
            all.putIfAbsent("quarkus.http.port", String.valueOf(freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The launcher as FyrtarnMain calls it, with these settings as system properties (cleared afterwards). */
    private static EmbeddedInfrastructure launchWith(Map<String, String> settings, String dataDir) {
        Map<String, String> all = withFreeHttpPort(settings);
        all.put("fyrtarn.data-dir", dataDir);
        all.forEach(System::setProperty);
        try {
            return EmbeddedInfrastructure.startWhereMissing();
        } finally {
            all.keySet().forEach(System::clearProperty);
        }
    }
}
