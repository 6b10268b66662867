package no.fyrtarn.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;

/** Kafka housekeeping: the contract's topics exist, and readiness can ask whether the broker answers. */
@ApplicationScoped
public class KafkaAdmin {

    private static final Logger LOG = Logger.getLogger(KafkaAdmin.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "fyrtarn.kafka.create-topics", defaultValue = "true")
    boolean createTopics;

    @ConfigProperty(name = "fyrtarn.kafka.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "fyrtarn.kafka.replication-factor", defaultValue = "1")
    short replicationFactor;

    private volatile AdminClient admin;

    private AdminClient admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((k, v) -> {
                        if (AdminClientConfig.configNames().contains(k)) {
                            config.put(k, v);
                        }
                    });
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "fyrtarn-admin");
                    admin = AdminClient.create(config);
                }
            }
        }
        return admin;
    }

    /** Whether the broker answers within the timeout. */
    public boolean reachable(Duration timeout) {
        try {
            admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Creates missing topics in the background, retrying until the broker answers, so start-up never waits. */
    void onStart(@Observes StartupEvent event, Vertx vertx) {
        if (createTopics) {
            vertx.setTimer(1, id -> vertx.executeBlocking(() -> ensureTopics(vertx)));
        }
    }

    private boolean ensureTopics(Vertx vertx) {
        try {
            Set<String> existing = admin().listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin().createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created Kafka topics %s", missing.stream().map(NewTopic::name).toList());
            }
            return true;
        } catch (Exception e) {
            LOG.debugf("Kafka topics not ensured yet (%s); retrying", e.toString());
            vertx.setTimer(5000, id -> vertx.executeBlocking(() -> ensureTopics(vertx)));
            return false;
        }
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
