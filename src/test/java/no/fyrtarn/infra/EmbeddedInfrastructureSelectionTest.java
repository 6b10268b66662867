package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static no.fyrtarn.testing.EmbeddedInfrastructureResource.takenPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
     * its server), and a taken Kafka port ended the JVM without a word.
     */
    @ParameterizedTest
    @CsvSource({
            "quarkus.datasource.jdbc.url, fyrtarn.pg-port, PostgreSQL, FYRTARN_PG_PORT, postgres",
            "kafka.bootstrap.servers, fyrtarn.kafka-port, Kafka, FYRTARN_KAFKA_PORT, kafka",
            "kafka.bootstrap.servers, fyrtarn.kafka-controller-port, Kafka controller, "
                    + "FYRTARN_KAFKA_CONTROLLER_PORT, kafka"})
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

    /** Another JVM that takes the data directory's lock as a running launch holds it, and says when it has it. */
    private static Process holdingTheLockOf(Path dataDir) throws Exception {
        Path source = dataDir.resolve("HoldLock.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(120_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, source.toString(),
                dataDir.resolve(DataDirectoryLock.FILE_NAME).toString()).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        assertThat(out.readLine()).isEqualTo("locked");
        return process;
    }

    /** The launcher as FyrtarnMain calls it, with these settings as system properties (cleared afterwards). */
    private static EmbeddedInfrastructure launchWith(Map<String, String> settings, String dataDir) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("fyrtarn.data-dir", dataDir);
        all.forEach(System::setProperty);
        try {
            return EmbeddedInfrastructure.startWhereMissing();
        } finally {
            all.keySet().forEach(System::clearProperty);
        }
    }
}
