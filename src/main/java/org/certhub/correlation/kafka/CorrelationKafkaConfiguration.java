package org.certhub.correlation.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.pipeline.ListenersAwaitingIndices;
import org.certhub.pipeline.ResilientBatchConsumers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;

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
        return ResilientBatchConsumers.factory(kafka, group, properties.maxPollRecords(), properties.concurrency(),
                properties.maxBackOff());
    }

    /**
     * Both stages start once the indices exist, and only when correlation is enabled: switched off,
     * the hub ingests and indexes exactly as without this module.
     */
    @Bean
    ListenersAwaitingIndices correlationAwaitsIndices(CorrelationProperties properties) {
        if (!properties.enabled()) {
            log.info("Correlation is switched off (certhub.correlation.enabled=false)");
            return new ListenersAwaitingIndices(List.of());
        }
        return new ListenersAwaitingIndices(List.of(ObservationExtractor.LISTENER_ID, CorrelationEngine.LISTENER_ID));
    }
}
