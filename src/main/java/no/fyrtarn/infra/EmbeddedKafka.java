package no.fyrtarn.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft Kafka broker running in this JVM, for the local run and the tests. Listens on loopback
 * only, on fixed ports so that clients reconnect after a restart; its log directory survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final EmbeddedKafkaBroker broker;
    private final int port;

    private EmbeddedKafka(EmbeddedKafkaBroker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        var broker = new EmbeddedKafkaBroker()
                .withKafkaHost(HOST)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withClusterId(clusterId(logDir))
                .withAdditionalProperties(p -> {
                    // log.dir as well: without it the companion makes a temporary one of its own on every start,
                    // which nothing uses and nobody removes
                    p.put("log.dir", logDir.toAbsolutePath().toString());
                    p.put("log.dirs", logDir.toAbsolutePath().toString());
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "3");
                    p.put("group.initial.rebalance.delay.ms", "0"); // consumers start at once, not after 3 s
                    // one node in this JVM: after a restart, its previous incarnation must expire quickly
                    p.put("broker.heartbeat.interval.ms", "300");
                    p.put("broker.session.timeout.ms", "1500");
                });
        var kafka = new EmbeddedKafka(broker, port);
        kafka.restart();
        return kafka;
    }

    /** A restarted broker must present the cluster id its log directory was formatted with. */
    private static String clusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            try (var in = Files.newInputStream(meta)) {
                var props = new Properties();
                props.load(in);
                return props.getProperty("cluster.id");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Uuid.randomUuid().toString();
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Stops the broker but keeps its data; {@link #restart()} brings it back on the same ports. */
    public void stop() {
        broker.close();
    }

    public boolean isRunning() {
        return broker.isRunning();
    }

    public void restart() {
        broker.start();
    }

    @Override
    public void close() {
        stop();
    }
}
