package org.certhub.pipeline;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The producer of a pipeline stage (idempotent, acks=all): a stage sends a batch's records and
 * waits for all of them before it stores state or commits offsets, so a crash re-sends rather than
 * loses; what it cannot read goes to its dead-letter topic with the reason and origin. Each module
 * holds its own (a client id of its own in Kafka's metrics), never as a {@code KafkaTemplate} bean,
 * so that the hub's one template stays unambiguous. A failed send throws {@link StageSendException},
 * which the stage's error handler retries ({@link ResilientBatchConsumers}).
 */
public final class StageProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StageProducer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;

    public StageProducer(KafkaProperties kafkaProperties, String clientId, int lingerMs) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
    }

    /** A batch of sends, awaited together. */
    public final class Batch {
        private final List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();

        public void send(String topic, String key, byte[] value) {
            pending.add(kafka.send(topic, key, value));
        }

        /** Waits for every send's acknowledgement; a failure fails the stage's batch, which is retried. */
        public void await() {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StageSendException("Interrupted while Kafka acknowledged " + pending.size() + " records", e);
            } catch (Exception e) {
                throw new StageSendException("Kafka did not acknowledge " + pending.size() + " records", e);
            }
        }
    }

    public Batch batch() {
        return new Batch();
    }

    /** Sends one record and waits for it. */
    public void sendNow(String topic, String key, byte[] value) {
        Batch batch = batch();
        batch.send(topic, key, value);
        batch.await();
    }

    /** Moves a record the stage cannot read to {@code topic}, with the reason, and waits for it. */
    public void deadLetter(String topic, ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = deadLetterRecord(topic, record, reason);
        Batch batch = batch();
        batch.pending.add(kafka.send(dead));
        batch.await();
    }

    /** The dead-letter copy of {@code record}: its key, value and headers, with the reason and where it came from. */
    public static ProducerRecord<String, byte[]> deadLetterRecord(String topic, ConsumerRecord<String, byte[]> record,
            String reason) {
        log.warn("Sending record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), topic, reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("certhub-dlt-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return dead;
    }

    @Override
    public void close() {
        producers.destroy();
    }

    /** Kafka did not acknowledge a stage's records in time: transient, the stage's batch is retried. */
    public static final class StageSendException extends RuntimeException {
        StageSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
