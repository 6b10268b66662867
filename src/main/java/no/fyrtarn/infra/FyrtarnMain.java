package no.fyrtarn.infra;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point of the packaged service: start embedded infrastructure where none is configured, then Quarkus. */
@QuarkusMain
public class FyrtarnMain {

    /** How long a SIGTERM waits for the application to stop before the embedded servers go anyway. */
    private static final long APPLICATION_STOP_WAIT_SECONDS = 40;

    /**
     * Quarkus's own check of request targets, which answers an empty 400 to what a browser leaves unencoded in a query
     * ("{", "|"); {@link HttpProblems} checks them instead ({@link RequestTargets}). Read once, as Quarkus starts; the
     * tests set it in the build. A launch that sets it itself keeps its value.
     */
    static final String QUARKUS_URI_CHECK_OFF = "vertx.disableURIValidation";

    /**
     * The embedded servers' log categories, at WARN in {@code application.properties} as well: Quarkus sets them from
     * there (or from whatever overrides it) as it configures logging.
     */
    private static final List<String> EMBEDDED_SERVERS_LOGS = List.of("org.apache.kafka", "kafka", "io.zonky");

    public static void main(String... args) {
        quietUntilQuarkusConfiguresLogging();
        System.getProperties().putIfAbsent(QUARKUS_URI_CHECK_OFF, "true");
        EmbeddedInfrastructure infrastructure;
        try {
            infrastructure = EmbeddedInfrastructure.startWhereMissing();
        } catch (EmbeddedInfrastructure.CannotStart e) {
            System.err.println("Fyrtårn cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        infrastructure.config().forEach(System::setProperty);
        // On SIGTERM the embedded PostgreSQL and Kafka must outlive the whole application: its shutdown observers still
        // write queued clicks (ADR 0003), and its Kafka consumers commit their offsets as they close, after those
        // observers. A JVM hook of their own would race them, so this one waits until Quarkus has stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Application application = Application.currentApplication();
            if (application != null) {
                try {
                    Thread.ofPlatform().daemon().start(application::awaitShutdown)
                            .join(TimeUnit.SECONDS.toMillis(APPLICATION_STOP_WAIT_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            infrastructure.close();
        }, "embedded-infrastructure-stop"));
        try {
            Quarkus.run(args);
        } finally {
            infrastructure.close();
        }
    }

    /**
     * Until Quarkus applies its log configuration, every record is buffered at every level, and a launch that ends
     * before then prints the lot: the embedded servers' DEBUG and TRACE start-up lines, with stack traces, and at INFO
     * still some 1 800 lines of them, in which a configuration Quarkus refused (its validation fails after the embedded
     * servers started) was hard to find. Quarkus sets these levels from its configuration when it starts; whoever sets
     * {@code quarkus.log.level} to look into a launch keeps everything.
     */
    private static void quietUntilQuarkusConfiguresLogging() {
        if (LaunchSettings.setting("quarkus.log.level") == null) {
            Logger.getLogger("").setLevel(Level.INFO);
            EMBEDDED_SERVERS_LOGS.forEach(category -> Logger.getLogger(category).setLevel(Level.WARNING));
        }
    }
}
