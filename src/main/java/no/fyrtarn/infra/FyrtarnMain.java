package no.fyrtarn.infra;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point of the packaged service: start embedded infrastructure where none is configured, then Quarkus. */
@QuarkusMain
public class FyrtarnMain {

    /** How long a SIGTERM waits for the application's own shutdown work before the embedded servers go anyway. */
    private static final long APPLICATION_STOP_WAIT_SECONDS = 30;

    private static final CountDownLatch APPLICATION_STOPPED = new CountDownLatch(1);

    public static void main(String... args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startWhereMissing();
        infrastructure.config().forEach(System::setProperty);
        // On SIGTERM the embedded PostgreSQL and Kafka must outlive the application's shutdown observers, which still
        // write queued clicks to the outbox (ADR 0003); a JVM hook of their own would race them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                APPLICATION_STOPPED.await(APPLICATION_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            infrastructure.close();
        }, "embedded-infrastructure-stop"));
        try {
            Quarkus.run(args);
        } finally {
            infrastructure.close();
        }
    }

    /** The last shutdown observer: every other one (click recorder, outbox relay) has finished its work. */
    @ApplicationScoped
    static class StopSignal {

        void stopped(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
            APPLICATION_STOPPED.countDown();
        }
    }
}
