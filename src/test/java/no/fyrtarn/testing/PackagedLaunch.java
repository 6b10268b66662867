package no.fyrtarn.testing;

import java.nio.file.Path;

/** The packaged service ({@code target/quarkus-app}) as a launch runs it: in a JVM of its own, in the local profile. */
public final class PackagedLaunch {

    private PackagedLaunch() {
    }

    /**
     * A launch of the packaged service in {@code dataDir}, its output and errors into {@code log}, with none of this
     * JVM's Quarkus, Kafka or Fyrtårn settings from the environment: the caller adds its own.
     */
    public static ProcessBuilder of(Path dataDir, Path log) {
        var launch = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        launch.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("KAFKA_")
                || name.startsWith("FYRTARN_"));
        launch.environment().put("QUARKUS_PROFILE", "local");
        launch.environment().put("FYRTARN_DATA_DIR", dataDir.toString());
        return launch;
    }
}
