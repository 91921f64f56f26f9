package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.certhub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@HubIntegrationTest
class KafkaRoundTripIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> intakeKafkaTemplate;

    @Autowired
    ConsumerFactory<Object, Object> consumerFactory;


    @Autowired
    Admin kafkaAdminClient;

    @Test
    void recordProducedThroughTheHubsConfigurationIsConsumedBack() throws Exception {
        String topic = "roundtrip-" + UUID.randomUUID();
        kafkaAdminClient.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

        RecordMetadata written = intakeKafkaTemplate.send(topic, "bundle--1", "{\"type\":\"bundle\"}".getBytes(StandardCharsets.UTF_8))
                .get(30, TimeUnit.SECONDS).getRecordMetadata();

        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fromTheStart.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (Consumer<Object, Object> consumer = consumerFactory.createConsumer("roundtrip-" + UUID.randomUUID(), null, null, fromTheStart)) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<Object, Object> read = pollOne(consumer);
            assertThat(read.offset()).isEqualTo(written.offset());
            assertThat(read.key()).isEqualTo("bundle--1");
            assertThat(new String((byte[]) read.value(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"bundle\"}");
        }
    }

    private static ConsumerRecord<Object, Object> pollOne(Consumer<Object, Object> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<Object, Object> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                return records.iterator().next();
            }
        }
        throw new AssertionError("No record consumed within 30 s");
    }
}
