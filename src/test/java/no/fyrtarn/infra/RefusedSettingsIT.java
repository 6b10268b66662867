package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import no.fyrtarn.testing.PackagedLaunch;

/**
 * The packaged service, launched as the local run launches it (embedded PostgreSQL and Kafka), with settings it could
 * not work with. Before session 62 it started with them: a code length of 6 made every new tracked link a 404 (the
 * redirect takes 7 to 16 characters as a code), a relay batch of 0 kept every event in the outbox, and a counting
 * window of two days counted a client again the day after next. And a launch refused after the embedded servers had
 * started printed some 1 800 lines of their start-up, the refusal somewhere in the middle.
 */
class RefusedSettingsIT {

    @Test
    @Timeout(180)
    void settings_the_service_cannot_work_with_are_refused_at_start_by_name_in_a_short_log() throws Exception {
        int postgresPort = freePort();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "refused-");
        Path log = dataDir.resolve("launch.log");
        var launch = PackagedLaunch.of(dataDir, log);
        launch.environment().put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        launch.environment().put("FYRTARN_PG_PORT", String.valueOf(postgresPort));
        launch.environment().put("FYRTARN_KAFKA_PORT", String.valueOf(freePort()));
        launch.environment().put("FYRTARN_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        launch.environment().put("FYRTARN_LINKS_CODE_LENGTH", "6");
        launch.environment().put("FYRTARN_LINKS_COUNTING_WINDOW", "2d");
        launch.environment().put("FYRTARN_OUTBOX_BATCH_SIZE", "0");
        Process service = launch.start();

        assertThat(service.waitFor(150, TimeUnit.SECONDS)).as("the launch ends by itself").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains("Configuration validation failed",
                "fyrtarn.links.code-length must be greater than or equal to 7",
                "fyrtarn.links.counting.window must be shorter than or equal to 1 day",
                "fyrtarn.outbox.batch-size must be greater than or equal to 1");
        assertThat(output.lines().count()).as("the embedded servers' start and stop, quiet: %s", output)
                .isLessThan(60);
        try (var free = new ServerSocket(postgresPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(free.getLocalPort()).as("the embedded PostgreSQL stopped with the launch")
                    .isEqualTo(postgresPort);
        }
    }
}
