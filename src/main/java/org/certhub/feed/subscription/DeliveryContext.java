package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** What every {@link SubscriptionDelivery} of this instance shares. */
record DeliveryContext(SubscriptionStore store, WebhookSender sender, Community community, SharingPolicy policy,
        SubscriptionProperties properties, RetryBackOff backOff, KafkaProperties kafka, String intakeTopic) {

    private static final int MAX_POLL_RECORDS = 50;

    Consumer<String, byte[]> consumerFor(String subscriptionId) {
        String group = store.find(subscriptionId).map(placed -> placed.subscription().consumerGroup())
                .orElseThrow(() -> new IllegalStateException("no subscription " + subscriptionId));
        return SubscriptionKafkaConfiguration.consumer(kafka, group, new ByteArrayDeserializer(), MAX_POLL_RECORDS);
    }

    List<TopicPartition> intakePartitions(Consumer<String, byte[]> consumer) {
        return consumer.partitionsFor(intakeTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(intakeTopic, info.partition())).toList();
    }
}
