package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Production configures its own services: then the launcher must start nothing embedded. */
class EmbeddedInfrastructureSelectionTest {

    @Test
    void nothing_embedded_starts_when_datasource_broker_and_key_are_configured() {
        Map<String, String> external = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.invalid:5432/fyrtarn",
                "kafka.bootstrap.servers", "kafka.invalid:9092",
                "mp.jwt.verify.publickey.location", "https://login.invalid/jwks.json",
                "fyrtarn.data-dir", "target/must-not-be-created");
        external.forEach(System::setProperty);
        try (var infrastructure = EmbeddedInfrastructure.startWhereMissing()) {
            assertThat(infrastructure.config()).isEmpty();
            assertThat(new java.io.File("target/must-not-be-created")).doesNotExist();
        } finally {
            external.keySet().forEach(System::clearProperty);
        }
    }
}
