package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import no.fyrtarn.testing.LogCapture;

/**
 * The topics made at start on a cluster that, as managed ones do, creates none on its own. Before session 60 they
 * were made with one replica unless configured otherwise, whatever the cluster's operator had set as its default, and
 * a cluster's refusal (a replication factor it does not allow, no permission to create topics) was retried every
 * 5 s in silence, until events failed to go out.
 */
class KafkaAdminTest {

    private static EmbeddedKafkaBroker broker;
    private static AdminClient client;

    private LogCapture log;

    @BeforeAll
    static void startBroker() throws Exception {
        Path logs = Files.createTempDirectory("fyrtarn-kafka-admin");
        broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).withAdditionalProperties(p -> {
            p.put("log.dir", logs.toString());
            p.put("log.dirs", logs.toString());
            p.put("auto.create.topics.enable", "false");
        }).start();
        client = AdminClient.create(Map.of("bootstrap.servers", broker.getAdvertisedListeners()));
    }

    @AfterAll
    static void stopBroker() {
        client.close();
        broker.close();
    }

    @BeforeEach
    void captureWarnings() throws Exception {
        log = LogCapture.of(KafkaAdmin.class);
        List<String> made = client.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(Topics.ALL::contains).toList();
        client.deleteTopics(made).all().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.listTopics().names().get().stream()
                .noneMatch(Topics.ALL::contains));
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    private KafkaAdmin admin(Optional<Short> replicationFactor) {
        var admin = new KafkaAdmin();
        admin.kafkaConfig = Map.of("bootstrap.servers", broker.getAdvertisedListeners());
        admin.partitions = 3;
        admin.replicationFactor = replicationFactor;
        admin.dedupeRetention = Duration.ofDays(30); // fyrtarn.consumers.dedupe-retention's default
        return admin;
    }

    @Test
    void without_a_replication_factor_the_contracts_topics_get_the_brokers_default() throws Exception {
        KafkaAdmin admin = admin(Optional.empty());
        try {
            assertThat(admin.ensureTopics()).isTrue();
        } finally {
            admin.close();
        }

        Map<String, TopicDescription> topics = client.describeTopics(Topics.ALL).allTopicNames().get(10,
                TimeUnit.SECONDS);
        assertThat(topics).containsOnlyKeys(Topics.ALL);
        int brokersDefault = Integer.parseInt(broker.getKafkaConfig().originals()
                .getOrDefault("default.replication.factor", "1").toString());
        assertThat(topics.values()).allSatisfy(topic -> {
            assertThat(topic.partitions()).hasSize(3);
            assertThat(topic.partitions().getFirst().replicas()).hasSize(brokersDefault);
        });
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void a_refusal_to_create_them_is_said_once_naming_the_reason_and_the_settings_to_change() throws Exception {
        KafkaAdmin admin = admin(Optional.of((short) 2)); // the cluster has one broker
        try {
            assertThat(admin.ensureTopics()).isFalse();
            assertThat(admin.ensureTopics()).as("the retry 5 s later").isFalse();
        } finally {
            admin.close();
        }

        assertThat(log.warnings()).singleElement().asString()
                .contains("fyrtarn.clicks", "replication factor", "FYRTARN_KAFKA_REPLICATION_FACTOR",
                        "FYRTARN_KAFKA_CREATE_TOPICS=false");
        assertThat(client.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContainAnyElementsOf(Topics.ALL);
    }

    @Test
    void topics_keeping_events_as_kafka_does_by_default_are_no_concern() {
        KafkaAdmin admin = admin(Optional.empty());
        try {
            assertThat(admin.ensureTopics()).isTrue();
            assertThat(admin.retentionLookedAt()).isTrue();
        } finally {
            admin.close();
        }

        assertThat(log.warnings()).as("7 days, plus 7 days of a segment, against 30 days").isEmpty();
    }

    /**
     * A consumer whose group's offsets are gone (Kafka forgets them 7 days after its last member left) reads its topic
     * from the start again. What it applied more than 30 days ago it no longer recognises, so a topic that still holds
     * such events would count them twice on the leaderboards.
     */
    @Test
    void topics_keeping_events_longer_than_the_consumers_remember_them_are_said_with_what_to_change() throws Exception {
        KafkaAdmin admin = admin(Optional.empty());
        try {
            assertThat(admin.ensureTopics()).isTrue();
            alter(Map.of(Topics.POINTS, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                    Topics.CLICKS, Map.of(TopicConfig.RETENTION_MS_CONFIG, days(25)),
                    Topics.SHARES, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                    Topics.POSTS, Map.of(TopicConfig.RETENTION_MS_CONFIG, days(20),
                            TopicConfig.SEGMENT_MS_CONFIG, days(10)),
                    Topics.DLQ, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));

            assertThat(admin.retentionLookedAt()).isTrue();
            admin.dedupeRetention = Duration.ofDays(40);
            assertThat(admin.retentionLookedAt()).isTrue();
        } finally {
            admin.close();
        }

        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().getFirst())
                .contains("fyrtarn.shares (for ever), fyrtarn.clicks (up to 32d), fyrtarn.points (for ever)",
                        "(fyrtarn.consumers.dedupe-retention, 30d)", "retention.ms",
                        "FYRTARN_CONSUMERS_DEDUPE_RETENTION")
                .as("20 days plus a segment of 10: 30, as long as the consumers remember")
                .doesNotContain(Topics.POSTS)
                .as("no consumer of ours reads the dead letters").doesNotContain(Topics.DLQ);
        assertThat(log.warnings().getLast()).contains("fyrtarn.shares (for ever), fyrtarn.points (for ever)", "40d")
                .doesNotContain(Topics.CLICKS);
    }

    private static String days(int days) {
        return Long.toString(Duration.ofDays(days).toMillis());
    }

    private static void alter(Map<String, Map<String, String>> settings) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        settings.forEach((topic, values) -> ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                values.entrySet().stream().map(v -> new AlterConfigOp(new ConfigEntry(v.getKey(), v.getValue()),
                        AlterConfigOp.OpType.SET)).toList()));
        client.incrementalAlterConfigs(ops).all().get(10, TimeUnit.SECONDS);
        await("the broker describes the topics as altered").atMost(Duration.ofSeconds(10)).until(() -> {
            var described = client.describeConfigs(ops.keySet()).all().get(10, TimeUnit.SECONDS);
            return ops.entrySet().stream().allMatch(topic -> topic.getValue().stream().map(AlterConfigOp::configEntry)
                    .allMatch(set -> set.value().equals(described.get(topic.getKey()).get(set.name()).value())));
        });
    }

    @Test
    void a_broker_not_answering_yet_or_another_instance_creating_a_topic_first_is_no_refusal() {
        assertThat(KafkaAdmin.refusal(new java.util.concurrent.TimeoutException())).isFalse();
        assertThat(KafkaAdmin.refusal(new TimeoutException("Timed out waiting for a node assignment"))).isFalse();
        assertThat(KafkaAdmin.refusal(new TopicExistsException("Topic 'fyrtarn.shares' already exists."))).isFalse();
        assertThat(KafkaAdmin.refusal(new TopicAuthorizationException(java.util.Set.of("fyrtarn.shares")))).isTrue();
    }
}
