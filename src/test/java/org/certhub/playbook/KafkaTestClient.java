package org.certhub.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.correlation.CorrelationFound;
import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotificationRequested;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The notify module's side of the contract, played by the tests over real Kafka. */
final class KafkaTestClient implements AutoCloseable {

    private final KafkaProperties kafka;
    private final KafkaProducer<String, byte[]> producer;

    KafkaTestClient(KafkaProperties kafka) {
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    void correlation(String topic, CorrelationFound found) throws Exception {
        producer.send(new ProducerRecord<>(topic, found.id(), found.toJson())).get(10, TimeUnit.SECONDS);
    }

    void acknowledge(NotificationRequested request) throws Exception {
        NotificationEvent ack = new NotificationEvent(NotificationEvent.SCHEMA_VERSION, request.notificationId(), request.runId(),
                request.stepId(), request.recipient(), NotificationEvent.Kind.ACKNOWLEDGED, null, 0, Instant.now(),
                "acknowledged by " + request.recipient());
        producer.send(new ProducerRecord<>(NotificationEvent.DEFAULT_TOPIC, request.runId(), ack.toJson())).get(10, TimeUnit.SECONDS);
    }

    /** Every notification request of the run, as many times as it was emitted. */
    List<NotificationRequested> requests(String runId) {
        List<NotificationRequested> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(NotificationRequested.DEFAULT_TOPIC)) {
            NotificationRequested.fromJson(record.value()).filter(request -> request.runId().equals(runId)).ifPresent(found::add);
        }
        return found;
    }

    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        producer.close();
    }
}
