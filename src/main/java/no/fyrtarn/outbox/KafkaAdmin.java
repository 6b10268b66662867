package no.fyrtarn.outbox;

import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;

/**
 * Kafka housekeeping: the contract's topics exist, they keep events no longer than the consumers remember them, and
 * readiness can ask whether the broker answers.
 */
@ApplicationScoped
public class KafkaAdmin {

    private static final Logger LOG = Logger.getLogger(KafkaAdmin.class);
    /** Kafka's default retention.ms and segment.ms, 7 days, for a topic whose description leaves one out. */
    private static final String KAFKAS_DEFAULT_MS = Long.toString(Duration.ofDays(7).toMillis());

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

    /** How long the consumers remember the events they applied ({@link ConsumedEvents}). */
    @ConfigProperty(name = ConsumedEvents.RETENTION_KEY, defaultValue = ConsumedEvents.RETENTION_DEFAULT)
    Duration dedupeRetention;

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

    /**
     * Creates missing topics (unless told not to) and looks at how long they keep events, in the background, retrying
     * until the broker answers, so start-up never waits.
     */
    void onStart(@Observes StartupEvent event, Vertx vertx) {
        vertx.setTimer(1, id -> vertx.executeBlocking(() -> prepareOrRetry(vertx)));
    }

    private boolean prepareOrRetry(Vertx vertx) {
        boolean done = (!createTopics || ensureTopics()) && retentionLookedAt();
        if (!done) {
            vertx.setTimer(5000, id -> vertx.executeBlocking(() -> prepareOrRetry(vertx)));
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
            Throwable cause = unwrapped(e);
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
     * Says, as a warning, which of the topics our consumers read may keep an event longer than the consumers remember
     * that they applied it ({@code fyrtarn.consumers.dedupe-retention}). A consumer that reads such a topic from its
     * start again (its group's offsets expired during a long stop, or an operator reset them) would apply the older
     * events a second time: the leaderboards' points, streaks and challenges counted twice. Whether it is done: false
     * only while the broker does not answer; a cluster that will not describe its topics (no permission, a topic not
     * created yet) is left at that, in the debug log.
     */
    boolean retentionLookedAt() {
        List<ConfigResource> topics = Topics.CONSUMED.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = admin().describeConfigs(topics).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = unwrapped(e);
            LOG.debugf("Could not look at how long the Kafka topics keep events (%s)", cause);
            return refusal(cause);
        }
        List<String> keptLonger = new ArrayList<>();
        for (ConfigResource topic : topics) {
            Optional<Duration> kept = longestKept(configs.get(topic));
            if (kept.isEmpty() || kept.get().compareTo(dedupeRetention) > 0) {
                keptLonger.add(topic.name() + " (" + kept.map(d -> "up to " + spoken(d)).orElse("for ever") + ")");
            }
        }
        if (!keptLonger.isEmpty()) {
            LOG.warnf("Kafka keeps events of %s longer than the consumers remember having applied one (%s, %s)."
                    + " A consumer reading such a topic from its start again (its offsets expired during a long stop,"
                    + " or were reset) would count the older events twice. Lower the topics' retention.ms, with"
                    + " cleanup.policy delete (Kafka keeps an event up to retention.ms plus segment.ms), or raise"
                    + " FYRTARN_CONSUMERS_DEDUPE_RETENTION.",
                    String.join(", ", keptLonger), ConsumedEvents.RETENTION_KEY, spoken(dedupeRetention));
        }
        return true;
    }

    /**
     * The longest a topic may keep an event: for ever when it is only compacted or its retention.ms is -1; otherwise
     * retention.ms plus segment.ms, since Kafka deletes a segment whole once its newest event is past retention, and
     * a segment takes events for up to segment.ms.
     */
    private static Optional<Duration> longestKept(Config config) {
        String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        long retention = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, KAFKAS_DEFAULT_MS));
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) || retention < 0) {
            return Optional.empty();
        }
        long segment = Long.parseLong(value(config, TopicConfig.SEGMENT_MS_CONFIG, KAFKAS_DEFAULT_MS));
        return Optional.of(Duration.ofMillis(retention).plusMillis(segment));
    }

    private static String value(Config config, String name, String kafkasDefault) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? kafkasDefault : entry.value();
    }

    /** As a configuration value says it: 37d, 12h, else ISO-8601 (PT90M). */
    private static String spoken(Duration duration) {
        if (duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + "d";
        }
        return duration.equals(Duration.ofHours(duration.toHours())) ? duration.toHours() + "h" : duration.toString();
    }

    private static Throwable unwrapped(Exception e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
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
