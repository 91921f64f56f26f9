package org.certhub.notify.channel;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.notify.NotifyProperties;
import org.certhub.notify.WebhookSignature;
import org.certhub.tenancy.Contacts;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications topic ({@code certhub.notify.notifications-topic}), keyed by recipient principal
 * id, for recipients that consume from Kafka; the value is the webhook's JSON, the header
 * {@code Idempotency-Key} the notification id. Delivered once Kafka acknowledges (acks=all).
 */
@Component
public class KafkaChannel implements Channel, DisposableBean {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final NotifyProperties properties;

    KafkaChannel(KafkaProperties kafkaProperties, NotifyProperties properties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-notify-channel");
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.properties = properties;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public Outcome send(Message message, Contacts.Contact contact) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.notificationsTopic(), message.recipient(),
                message.json());
        record.headers().add(WebhookSignature.IDEMPOTENCY_HEADER,
                message.notificationId().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            var sent = kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).getRecordMetadata();
            return Outcome.delivered(sent.topic() + "-" + sent.partition() + "@" + sent.offset());
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.failedForNow("Kafka did not acknowledge: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failedForNow("interrupted (hub stopping)");
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
