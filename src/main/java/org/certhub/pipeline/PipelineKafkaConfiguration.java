package org.certhub.pipeline;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;

/** The indexer's consumer set-up and the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class PipelineKafkaConfiguration {

    static final String INDEXER_FACTORY = "indexerContainerFactory";

    @Bean
    NewTopic intakeDeadLetterTopic(PipelineProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }

    @Bean(INDEXER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> indexerContainerFactory(KafkaProperties kafka,
            PipelineProperties properties) {
        return ResilientBatchConsumers.factory(kafka, Indexer.LISTENER_ID, properties.maxPollRecords(),
                properties.concurrency(), properties.maxBackOff());
    }

    @Bean
    ListenersAwaitingIndices indexerAwaitsIndices() {
        return new ListenersAwaitingIndices(List.of(Indexer.LISTENER_ID));
    }
}
