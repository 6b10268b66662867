package no.fyrtarn.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
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

    /** Unset, the broker's own {@code default.replication.factor}: a cluster's operator has set it for the cluster. */
    @ConfigProperty(name = "fyrtarn.kafka.replication-factor")
    Optional<Short> replicationFactor;

    private volatile AdminClient admin;

    /** The last refusal said, so that a retry every 5 s does not say it again. */
    private volatile String lastRefusal;

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
            vertx.setTimer(1, id -> vertx.executeBlocking(() -> ensureTopicsOrRetry(vertx)));
        }
    }

    private boolean ensureTopicsOrRetry(Vertx vertx) {
        boolean done = ensureTopics();
        if (!done) {
            vertx.setTimer(5000, id -> vertx.executeBlocking(() -> ensureTopicsOrRetry(vertx)));
        }
        return done;
    }

    /**
     * Creates the contract's topics that are missing; whether they all exist now. A broker that does not answer (yet)
     * is for readiness to report; one that refuses (a replication factor or partition count the cluster does not
     * allow, no permission to create topics) is said once, as a warning, since nothing else would show it until
     * events failed to go out.
     */
    boolean ensureTopics() {
        List<String> missing = List.of();
        try {
            Set<String> existing = admin().listTopics().names().get(10, TimeUnit.SECONDS);
            missing = Topics.ALL.stream().filter(t -> !existing.contains(t)).toList();
            if (!missing.isEmpty()) {
                admin().createTopics(missing.stream()
                        .map(t -> new NewTopic(t, Optional.of(partitions), replicationFactor)).toList())
                        .all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created Kafka topics %s", missing);
            }
            return true;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!refusal(cause) || cause.toString().equals(lastRefusal)) {
                LOG.debugf("Kafka topics not ensured yet (%s); retrying", cause);
            } else {
                lastRefusal = cause.toString();
                LOG.warnf("Could not create the Kafka topics %s (%s); trying again every 5 s. Set"
                        + " FYRTARN_KAFKA_REPLICATION_FACTOR or FYRTARN_KAFKA_PARTITIONS to what the cluster allows,"
                        + " or create the topics yourself and set FYRTARN_KAFKA_CREATE_TOPICS=false.",
                        missing.isEmpty() ? Topics.ALL : missing, cause);
            }
            return false;
        }
    }

    /**
     * Whether the cluster refused, rather than not answering (yet) or another instance creating a topic between this
     * one's look and its request (as two instances started together do): the next try finds it.
     */
    static boolean refusal(Throwable cause) {
        return !(cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof TopicExistsException);
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
