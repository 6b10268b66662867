package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.takenPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The packaged service's entry point, run as a launch runs it: in a JVM of its own, with the JBoss log manager. */
class FyrtarnMainTest {

    /** Before, this launch printed a stack trace, and a failure further in a screenful of buffered start-up logging. */
    @Test
    @Timeout(60)
    void a_launch_that_cannot_start_says_why_in_one_line_and_exits_with_1() throws Exception {
        try (var taken = takenPort()) {
            Path dataDir = Files.createTempDirectory(Path.of("target"), "main-");
            var launch = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dstderr.encoding=UTF-8",
                    "-cp", System.getProperty("java.class.path"), FyrtarnMain.class.getName())
                    .redirectErrorStream(true);
            launch.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("KAFKA_"));
            launch.environment().put("QUARKUS_PROFILE", "local");
            launch.environment().put("FYRTARN_DATA_DIR", dataDir.toString());
            launch.environment().put("FYRTARN_PG_PORT", String.valueOf(taken.getLocalPort()));
            Process process = launch.start();

            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(output.lines()).containsExactly("Fyrtårn cannot start: The embedded PostgreSQL cannot listen on"
                    + " 127.0.0.1:" + taken.getLocalPort() + ", which is in use (is Fyrtårn running already?). Stop"
                    + " that, or choose another port with FYRTARN_PG_PORT.");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
