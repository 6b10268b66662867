package no.fyrtarn.outbox;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import no.fyrtarn.infra.ConsoleLogFilter;

/**
 * Closes the Kafka consumers while the database is still there. Quarkus closes Hibernate's EntityManagerFactory in a
 * shutdown task that runs before the CDI container is destroyed, and SmallRye closes its Kafka consumers only when it
 * is ({@link KafkaConnector#terminate}, on {@code @BeforeDestroyed(ApplicationScoped.class)}). A consumer's batch in
 * flight in between failed ("EntityManagerFactory is closed") and was refused record by record, each refusal logged
 * with its stack: one stop under load wrote 29 703 lines. Kafka redelivered the batch, so nothing was lost, but every
 * rolling deploy buried its log.
 * <p>
 * So, after every other shutdown observer (the click recorder's and the relay's drains need the producers), this one
 * closes the connector's consumers and producers as SmallRye would (gracefully: paused, given twice the poll timeout,
 * what was acknowledged committed), then waits for the batches still being applied. SmallRye's own call later finds
 * them closed. A batch still applied after the wait is refused when the database goes, and redelivered. A consumer
 * failing because it is being closed is left out of the console from here on ({@link ConsoleLogFilter}).
 */
@ApplicationScoped
class KafkaShutdown {

    private static final Logger LOG = Logger.getLogger(KafkaShutdown.class);
    private static final Duration BATCHES_WAIT = Duration.ofSeconds(10);

    @Inject
    @Connector(KafkaConnector.CONNECTOR_NAME)
    KafkaConnector connector;

    @Inject
    EventBatches batches;

    void start(@Observes StartupEvent event) {
        ConsoleLogFilter.kafkaConsumersClosing(false);
    }

    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event)
            throws InterruptedException {
        ConsoleLogFilter.kafkaConsumersClosing(true);
        connector.terminate(null);
        if (!batches.awaitIdle(BATCHES_WAIT)) {
            LOG.warnf("A Kafka consumer's batch was still being applied %ss after the consumers closed; it will be"
                    + " redelivered after the restart", BATCHES_WAIT.toSeconds());
        }
    }
}
