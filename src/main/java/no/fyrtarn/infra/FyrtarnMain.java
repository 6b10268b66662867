package no.fyrtarn.infra;

import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point of the packaged service: start embedded infrastructure where none is configured, then Quarkus. */
@QuarkusMain
public class FyrtarnMain {

    /** How long a SIGTERM waits for the application to stop before the embedded servers go anyway. */
    private static final long APPLICATION_STOP_WAIT_SECONDS = 40;

    public static void main(String... args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startWhereMissing();
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
}
