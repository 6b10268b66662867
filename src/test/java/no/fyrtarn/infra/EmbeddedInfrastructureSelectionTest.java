package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(server + " cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining(environmentName);
            assertThat(dataDir.resolve(serverDir)).doesNotExist();
        }
    }

    /** A port someone else listens on, as another instance's server would. */
    private static ServerSocket takenPort() throws Exception {
        var socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
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
