package org.certhub.playbook.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.playbook.PlaybookProperties;
import org.certhub.playbook.internal.TransientPlaybookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The engine's own producer (idempotent, acks=all): a stage sends a batch's records and waits for
 * all of them before it stores state and commits offsets, so a crash re-sends rather than loses.
 * Not a {@code KafkaTemplate} bean, so that the hub's one template stays unambiguous.
 */
@Component
class PlaybookProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlaybookProducer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final PlaybookProperties properties;

    PlaybookProducer(KafkaProperties kafkaProperties, PlaybookProperties properties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-playbook");
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.properties = properties;
    }

    /** A batch of sends, awaited together. */
    final class Batch {
        private final List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();

        void send(String topic, String key, byte[] value) {
            pending.add(kafka.send(topic, key, value));
        }

        void await() {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new TransientPlaybookException("Kafka did not acknowledge " + pending.size() + " records", e);
            }
        }
    }

    Batch batch() {
        return new Batch();
    }

    /** Sends one record and waits for it. */
    void sendNow(String topic, String key, byte[] value) {
        Batch batch = batch();
        batch.send(topic, key, value);
        batch.await();
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("Sending record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                properties.topics().deadLetter(), reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(properties.topics().deadLetter(), record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("certhub-dlt-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new TransientPlaybookException("Could not write to the dead-letter topic", e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
