package org.certhub.correlation.kafka;

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
import org.certhub.correlation.CorrelationProperties;
import org.certhub.correlation.internal.TransientCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The correlation stages' own producer (idempotent, acks=all): a stage sends a batch's records and
 * waits for all of them before its offsets are committed, so a crash loses nothing. It is not a
 * bean of its own type, so that the hub's one {@code KafkaTemplate} bean stays unambiguous.
 */
@Component
class CorrelationProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CorrelationProducer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CorrelationProperties properties;

    CorrelationProducer(KafkaProperties kafkaProperties, CorrelationProperties properties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-correlation");
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

        /** Waits for every send's acknowledgement; a failure fails the stage's batch, which is retried. */
        void await() {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new TransientCorrelationException("Kafka did not acknowledge " + pending.size() + " records", e);
            }
        }
    }

    Batch batch() {
        return new Batch();
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("Sending record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                properties.topics().deadLetter(), reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(properties.topics().deadLetter(), record.key(),
                record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("certhub-dlt-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new TransientCorrelationException("Could not write to the dead-letter topic", e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
