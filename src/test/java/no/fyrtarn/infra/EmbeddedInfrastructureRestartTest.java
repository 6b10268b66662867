package no.fyrtarn.infra;

import static no.fyrtarn.testing.EmbeddedInfrastructureResource.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The local run keeps its data: PostgreSQL rows and Kafka records survive a stop and start on the same data dir. */
class EmbeddedInfrastructureRestartTest {

    @Test
    void postgres_keeps_rows_across_a_restart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-restart-");
        int port = freePort();
        try (var pg = EmbeddedPostgres.start(dir, port, false);
                var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "")) {
            c.createStatement().execute("create table lighthouse (name text)");
            c.createStatement().execute("insert into lighthouse values ('Lindesnes')");
        }
        try (var pg = EmbeddedPostgres.start(dir, port, false);
                var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "");
                var rs = c.createStatement().executeQuery("select name from lighthouse")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Lindesnes");
        }
    }

    /** {@code fyrtarn.pg-durable}: what the bench sets to measure shares against a server that waits for its disk. */
    @Test
    void postgres_waits_for_its_disk_at_commit_only_when_asked_to_be_durable() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-durable-");
        int port = freePort();

        assertThat(fsyncAndSynchronousCommit(EmbeddedPostgres.start(dir, port, false))).containsExactly("off", "off");
        assertThat(fsyncAndSynchronousCommit(EmbeddedPostgres.start(dir, port, true))).containsExactly("on", "on");
    }

    private static List<String> fsyncAndSynchronousCommit(EmbeddedPostgres started) throws Exception {
        try (var pg = started;
                var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "");
                var rs = c.createStatement().executeQuery(
                        "select current_setting('fsync'), current_setting('synchronous_commit')")) {
            assertThat(rs.next()).isTrue();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    /** The temporary directories the Kafka test companion makes when it is not told where the log goes. */
    private static List<Path> companionTempDirs() throws Exception {
        try (var found = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return found.filter(d -> d.getFileName().toString().startsWith("companion-embedded-kafka-")).toList();
        }
    }

    @Test
    void kafka_keeps_records_across_a_restart_in_its_own_directory_only() throws Exception {
        List<Path> before = companionTempDirs();
        Path dir = Files.createTempDirectory(Path.of("target"), "kafka-restart-");
        int port = freePort();
        int controller = freePort();
        try (var kafka = EmbeddedKafka.start(dir, port, controller)) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (var producer = new KafkaProducer<String, String>(p)) {
                producer.send(new ProducerRecord<>("restart-test", "k", "kept")).get();
            }
        }
        try (var kafka = EmbeddedKafka.start(dir, port, controller)) {
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (var consumer = new KafkaConsumer<String, String>(c)) {
                consumer.subscribe(List.of("restart-test"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(500))) {
                        value = record.value();
                    }
                }
                assertThat(value).isEqualTo("kept");
            }
        }
        // nothing left behind in the machine's temporary directory, start after start
        assertThat(companionTempDirs()).isSubsetOf(before);
    }
}
