package org.certhub.feed.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.certhub.feed.FeedProperties;
import org.certhub.pipeline.ListenersAwaitingIndices;
import org.certhub.pipeline.PipelineProperties;
import org.certhub.pipeline.ResilientBatchConsumers;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The scope topics, the publication outcome topics, and the feed's consumers' set-up.
 * The feed writes with the intake's producer (idempotent, acks=all): what a partner reads must not be
 * lost or doubled by retries.
 */
@Configuration(proxyBeanMethods = false)
class FeedKafkaConfiguration {

    static final String SCOPE_TOPICS_FACTORY = "feedScopeTopicsContainerFactory";
    static final String DELETIONS_FACTORY = "feedDeletionsContainerFactory";
    static final String PUBLICATIONS_FACTORY = "feedPublicationsContainerFactory";

    @Bean
    KafkaAdmin.NewTopics feedTopics(FeedProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.kafka().enabled()) {
            properties.scopes().forEach(scope -> topics.add(TopicBuilder.name(properties.kafka().topicOf(scope))
                    .partitions(properties.kafka().partitions()).replicas(1)
                    .config("retention.ms", String.valueOf(properties.kafka().retention().toMillis())).build()));
        }
        topics.add(TopicBuilder.name(properties.kafka().publicationOutcomesTopic()).partitions(properties.kafka().partitions())
                .replicas(1).build());
        topics.add(TopicBuilder.name(properties.kafka().publicationsDeadLetterTopic()).partitions(1).replicas(1).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(SCOPE_TOPICS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> feedScopeTopicsContainerFactory(KafkaProperties kafka,
            PipelineProperties pipeline) {
        return ResilientBatchConsumers.factory(kafka, ScopeTopicPublisher.LISTENER_ID, pipeline.maxPollRecords(), 1,
                pipeline.maxBackOff());
    }

    @Bean(DELETIONS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> feedDeletionsContainerFactory(KafkaProperties kafka,
            PipelineProperties pipeline) {
        return ResilientBatchConsumers.factory(kafka, DeletionTombstones.LISTENER_ID, pipeline.maxPollRecords(), 1,
                pipeline.maxBackOff());
    }

    @Bean(PUBLICATIONS_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> feedPublicationsContainerFactory(KafkaProperties kafka,
            PipelineProperties pipeline) {
        return ResilientBatchConsumers.factory(kafka, PublicationApplier.LISTENER_ID, pipeline.maxPollRecords(), 1,
                pipeline.maxBackOff());
    }

    @Bean
    ListenersAwaitingIndices feedListenersAwaitIndices(FeedProperties properties) {
        // The scope topics' publisher writes no index, but skips what owners deleted: it waits for the deletions.
        return new ListenersAwaitingIndices(properties.kafka().enabled()
                ? List.of(PublicationApplier.LISTENER_ID, ScopeTopicPublisher.LISTENER_ID)
                : List.of(PublicationApplier.LISTENER_ID));
    }
}
