package no.fyrtarn.infra;

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

    /** Before the check, this launch waited for ever: PostgreSQL's start took the port's listener for its server. */
    @Test
    @Timeout(60)
    void a_taken_postgres_port_stops_the_launch_naming_the_port_and_its_setting() throws Exception {
        try (var taken = takenPort()) {
            Map<String, String> settings = new HashMap<>(EXTERNAL);
            settings.remove("quarkus.datasource.jdbc.url");
            settings.put("fyrtarn.pg-port", String.valueOf(taken.getLocalPort()));
            String dataDir = Files.createTempDirectory(Path.of("target"), "taken-pg-port-").toString();

            assertThatThrownBy(() -> launchWith(settings, dataDir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PostgreSQL cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("FYRTARN_PG_PORT");
            assertThat(new File(dataDir, "postgres")).doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void a_taken_kafka_port_stops_the_launch_naming_the_port_and_its_setting() throws Exception {
        try (var taken = takenPort()) {
            Map<String, String> settings = new HashMap<>(EXTERNAL);
            settings.remove("kafka.bootstrap.servers");
            settings.put("fyrtarn.kafka-port", String.valueOf(taken.getLocalPort()));
            String dataDir = Files.createTempDirectory(Path.of("target"), "taken-kafka-port-").toString();

            assertThatThrownBy(() -> launchWith(settings, dataDir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("FYRTARN_KAFKA_PORT");
            assertThat(new File(dataDir, "kafka")).doesNotExist();
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
