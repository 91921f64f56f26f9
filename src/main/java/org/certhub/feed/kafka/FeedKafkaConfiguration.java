package org.certhub.feed.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.feed.FeedProperties;
import org.certhub.pipeline.ListenersAwaitingIndices;
import org.certhub.pipeline.PipelineProperties;
import org.certhub.pipeline.ResilientBatchConsumers;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The scope topics, the deletions topic, the feed's producer and its two consumers' set-up. */
@Configuration(proxyBeanMethods = false)
class FeedKafkaConfiguration {

    static final String SCOPE_TOPICS_FACTORY = "feedScopeTopicsContainerFactory";
    static final String DELETIONS_FACTORY = "feedDeletionsContainerFactory";

    @Bean
    KafkaAdmin.NewTopics feedTopics(FeedProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.kafka().enabled()) {
            properties.scopes().forEach(scope -> topics.add(TopicBuilder.name(properties.kafka().topicOf(scope))
                    .partitions(properties.kafka().partitions()).replicas(1)
                    .config("retention.ms", String.valueOf(properties.kafka().retention().toMillis())).build()));
        }
        // Deletions are writes: kept as long as the submissions they undo.
        topics.add(TopicBuilder.name(properties.kafka().deletionsTopic()).partitions(1).replicas(1)
                .config("retention.ms", "-1").build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Idempotent and acks=all, like the intake's: what a partner reads must not be lost or doubled by retries. */
    @Bean
    KafkaTemplate<String, byte[]> feedKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "certhub-feed");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
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
        return ResilientBatchConsumers.factory(kafka, DeletionApplier.LISTENER_ID, pipeline.maxPollRecords(), 1,
                pipeline.maxBackOff());
    }

    @Bean
    ListenersAwaitingIndices deletionsAwaitIndices() {
        return new ListenersAwaitingIndices(List.of(DeletionApplier.LISTENER_ID));
    }
}
