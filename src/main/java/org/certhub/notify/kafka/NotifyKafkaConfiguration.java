package org.certhub.notify.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.certhub.notify.NotifyProperties;
import org.certhub.notify.internal.Deliveries;
import org.certhub.notify.internal.PartitionOwnership;
import org.certhub.pipeline.ListenersAwaitingIndices;
import org.certhub.pipeline.ResilientBatchConsumers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The notify topics, created when missing, and the request consumer: its partitions are this
 * instance's share of the deliveries (on assignment it picks up their pending notifications).
 */
@Configuration(proxyBeanMethods = false)
class NotifyKafkaConfiguration {

    static final String FACTORY = "notifyRequestsContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(NotifyKafkaConfiguration.class);
    private static final int MAX_POLL_RECORDS = 200;

    @Bean
    NewTopic notifyRequestsTopic(NotifyProperties properties) {
        return TopicBuilder.name(properties.requestsTopic()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic notifyEventsTopic(NotifyProperties properties) {
        return TopicBuilder.name(properties.eventsTopic()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic notificationsTopic(NotifyProperties properties) {
        return TopicBuilder.name(properties.notificationsTopic()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic notifyDeadLetterTopic(NotifyProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(properties.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> notifyRequestsContainerFactory(KafkaProperties kafka,
            NotifyProperties properties, PartitionOwnership ownership, Deliveries deliveries) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = ResilientBatchConsumers.factory(kafka,
                properties.consumerGroup(), MAX_POLL_RECORDS, 1, Duration.ofSeconds(30));
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                ownership.revoked(numbers(partitions));
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                ownership.revoked(numbers(partitions));
            }

            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                log.info("Delivering the notifications of request partitions {}", numbers(partitions));
                ownership.assigned(numbers(partitions));
                deliveries.scanSoon();
            }
        });
        return factory;
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).toList();
    }

    @Bean
    ListenersAwaitingIndices notifyAwaitsIndices() {
        return new ListenersAwaitingIndices(List.of(NotificationRequestsListener.LISTENER_ID));
    }
}
