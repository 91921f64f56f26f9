package org.certhub.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.notify.NotificationEvent;
import org.certhub.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The notify module's producer (idempotent, acks=all): {@link NotificationEvent}s keyed by run id,
 * and unreadable requests to the dead-letter topic. Every send waits for Kafka's acknowledgement.
 */
@Component
public class NotifyProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotifyProducer.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final NotifyProperties properties;

    NotifyProducer(KafkaProperties kafkaProperties, NotifyProperties properties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-notify-events");
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.properties = properties;
    }

    void publish(List<NotificationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> kafka.send(properties.eventsTopic(), event.runId(), event.toJson()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientNotifyException("Interrupted while publishing notification events", e);
        } catch (Exception e) {
            throw new TransientNotifyException("Kafka did not acknowledge " + events.size() + " notification events", e);
        }
    }

    /** Moves a request record that cannot be read to the dead-letter topic, with the reason. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("Sending record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                properties.deadLetterTopic(), reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(properties.deadLetterTopic(), record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("certhub-dlt-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientNotifyException("Interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new TransientNotifyException("Could not write to the dead-letter topic", e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
