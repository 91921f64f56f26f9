package org.certhub.intake;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The intake topic and the producer that makes submissions durable in it. */
@Configuration(proxyBeanMethods = false)
class IntakeKafkaConfiguration {

    @Bean
    NewTopic intakeTopic(IntakeProperties properties) {
        long maxRecord = maxRecordBytes(properties);
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config("max.message.bytes", String.valueOf(maxRecord))
                // Kafka is the system of record for submissions: the indices are rebuilt from it.
                .config("retention.ms", "-1")
                .build();
    }

    /**
     * Idempotent, acks=all, and quick to give up when Kafka is away, so that the caller gets a 503
     * with Retry-After rather than a hanging request.
     */
    @Bean
    KafkaTemplate<String, byte[]> intakeKafkaTemplate(KafkaProperties kafka, IntakeProperties properties) {
        Map<String, Object> config = kafka.buildProducerProperties();
        int timeoutMs = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxRecordBytes(properties));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-intake");
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    /** Normalisation adds a few properties per object: leave room above the body limit. */
    static long maxRecordBytes(IntakeProperties properties) {
        return properties.maxBodySize().toBytes() * 2 + 64 * 1024;
    }
}
