package org.certhub.correlation.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certhub.correlation.CorrelationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The correlation topics and the consumer set-up of its two stages. */
@Configuration(proxyBeanMethods = false)
class CorrelationKafkaConfiguration {

    static final String EXTRACT_FACTORY = "correlationExtractContainerFactory";
    static final String CORRELATE_FACTORY = "correlationContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(CorrelationKafkaConfiguration.class);

    @Bean
    NewTopic observationsTopic(CorrelationProperties properties) {
        return TopicBuilder.name(properties.topics().observations()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic correlationsTopic(CorrelationProperties properties) {
        return TopicBuilder.name(properties.topics().correlations()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic correlationDeadLetterTopic(CorrelationProperties properties) {
        return TopicBuilder.name(properties.topics().deadLetter()).partitions(1).replicas(properties.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    @Bean(EXTRACT_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> correlationExtractContainerFactory(KafkaProperties kafka,
            CorrelationProperties properties) {
        return factory(kafka, properties, ObservationExtractor.LISTENER_ID);
    }

    @Bean(CORRELATE_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> correlationContainerFactory(KafkaProperties kafka,
            CorrelationProperties properties) {
        return factory(kafka, properties, CorrelationEngine.LISTENER_ID);
    }

    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> factory(KafkaProperties kafka,
            CorrelationProperties properties, String group) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(properties.concurrency());
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(retryUntilBack(properties, group));
        return factory;
    }

    /**
     * Every failure that escapes a stage is transient (records it cannot read were already
     * dead-lettered), so the batch is retried with exponential back-off, without end: a sighting
     * must not be dropped because Elasticsearch or Kafka is away. Both stages are idempotent.
     */
    private static DefaultErrorHandler retryUntilBack(CorrelationProperties properties, String group) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) ->
                log.error("Gave up on record {}-{}@{}", record.topic(), record.partition(), record.offset(), e), backOff);
        handler.setRetryListeners((record, e, attempt) ->
                log.warn("{} failed (attempt {}), retrying: {}", group, attempt, e.toString()));
        return handler;
    }
}
