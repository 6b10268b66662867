package no.fyrtarn.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * Our consumers' failure strategy ({@code failure-strategy=quiet-fail}): SmallRye's {@code fail}, said once. A batch
 * that {@link EventBatches} gives up on (only at shutdown, when the database is away) is not acknowledged: the
 * consumer stops without committing it, and Kafka redelivers it after the restart. SmallRye's own strategy does the
 * same, but for every record of the batch, each with an ERROR and a WARN and their stacks: a stop during a database
 * outage wrote 116 615 lines for 1 174 records (session 58). This one reports the failure to the connector once per
 * channel, which stops the consumer, and logs one line.
 */
@ApplicationScoped
@Identifier(QuietFailStop.STRATEGY)
public class QuietFailStop implements KafkaFailureHandler.Factory {

    static final String STRATEGY = "quiet-fail";

    private static final Logger LOG = Logger.getLogger(QuietFailStop.class);

    /** The strategy for one channel: {@code reportFailure} is the connector's, which stops its consumer. */
    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        String channel = config.getChannel();
        AtomicBoolean reported = new AtomicBoolean();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (reported.compareAndSet(false, true)) {
                    LOG.warnf("Consumer of %s stopped without acknowledging its batch, which Kafka delivers again"
                            + " after the restart: %s", channel, reason.getMessage());
                    reportFailure.accept(reason, true);
                }
                return Uni.createFrom().<Void>failure(reason).emitOn(record::runOnMessageContext);
            }
        };
    }
}
