package org.certhub.pipeline;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;

/** The indexer's and the deletion applier's consumer set-up, the deletions topic and the dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class PipelineKafkaConfiguration {

    static final String INDEXER_FACTORY = "indexerContainerFactory";
    static final String DELETIONS_FACTORY = "deletionsContainerFactory";

    @Bean
    NewTopic intakeDeadLetterTopic(PipelineProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }

    /** Deletions are writes: kept as long as the submissions they undo, which the indexer may replay. */
    @Bean
    NewTopic deletionsTopic(PipelineProperties properties) {
        return TopicBuilder.name(properties.deletionsTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic deletionsDeadLetterTopic(PipelineProperties properties) {
        return TopicBuilder.name(properties.deletionsDeadLetterTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build();
    }

    @Bean(DELETIONS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deletionsContainerFactory(KafkaProperties kafka,
            PipelineProperties properties) {
        return ResilientBatchConsumers.factory(kafka, DeletionApplier.LISTENER_ID, properties.maxPollRecords(), 1,
                properties.maxBackOff());
    }

    @Bean(INDEXER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> indexerContainerFactory(KafkaProperties kafka,
            PipelineProperties properties) {
        return ResilientBatchConsumers.factory(kafka, Indexer.LISTENER_ID, properties.maxPollRecords(),
                properties.concurrency(), properties.maxBackOff());
    }

    @Bean
    ListenersAwaitingIndices indexerAwaitsIndices() {
        return new ListenersAwaitingIndices(List.of(Indexer.LISTENER_ID, DeletionApplier.LISTENER_ID));
    }
}
