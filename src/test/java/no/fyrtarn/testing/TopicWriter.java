package no.fyrtarn.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to a topic as an outside producer would: redeliveries, poison, events of features not built yet. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructureResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producer = new KafkaProducer<>(props);
    }

    /** Sends and waits for the broker's ack. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** As {@link #send(String, String, String, Map)}, with a value that need not be text. */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        sendTogether(List.of(record(topic, key, value, headers)));
    }

    /**
     * Sends all before waiting for their acks, with a short linger: they reach the broker in one request, so a
     * consumer reads them in one batch.
     */
    public void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        try {
            for (var future : records.stream().map(producer::send).toList()) {
                future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProducerRecord<String, byte[]> record(String topic, String key, String value,
            Map<String, String> headers) {
        return record(topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value,
            Map<String, String> headers) {
        var record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    @Override
    public void close() {
        producer.close();
    }
}
