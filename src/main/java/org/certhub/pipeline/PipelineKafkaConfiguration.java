package org.certhub.pipeline;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

/** The indexer's consumer set-up and the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class PipelineKafkaConfiguration {

    static final String INDEXER_FACTORY = "indexerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(PipelineKafkaConfiguration.class);

    @Bean
    NewTopic intakeDeadLetterTopic(PipelineProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }

    @Bean(INDEXER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> indexerContainerFactory(KafkaProperties kafka,
            PipelineProperties properties) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, Indexer.LISTENER_ID);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(properties.concurrency());
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(retryUntilElasticsearchIsBack(properties));
        return factory;
    }

    /**
     * Every failure that escapes the indexer is transient (records it cannot read were already
     * dead-lettered), so the batch is retried with exponential back-off, without end: accepted
     * submissions must never be dropped because Elasticsearch is down.
     */
    private static DefaultErrorHandler retryUntilElasticsearchIsBack(PipelineProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) ->
                log.error("Gave up on record {}-{}@{}", record.topic(), record.partition(), record.offset(), e), backOff);
        handler.setRetryListeners((record, e, attempt) ->
                log.warn("Indexing failed (attempt {}), retrying: {}", attempt, e.toString()));
        return handler;
    }
}
