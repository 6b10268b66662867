package no.fyrtarn.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
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
    void a_broker_not_answering_yet_or_another_instance_creating_a_topic_first_is_no_refusal() {
        assertThat(KafkaAdmin.refusal(new java.util.concurrent.TimeoutException())).isFalse();
        assertThat(KafkaAdmin.refusal(new TimeoutException("Timed out waiting for a node assignment"))).isFalse();
        assertThat(KafkaAdmin.refusal(new TopicExistsException("Topic 'fyrtarn.shares' already exists."))).isFalse();
        assertThat(KafkaAdmin.refusal(new TopicAuthorizationException(java.util.Set.of("fyrtarn.shares")))).isTrue();
    }
}
