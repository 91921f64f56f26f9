package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.certhub.intake.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A subscription's position in the intake topic is the committed offsets of its own consumer
 * group: set to the topic's end when it is registered (it receives what is accepted from then on),
 * advanced by its deliverer, kept while it is paused or failing. Its backlog is what lies between
 * that position and the end.
 */
@Component
class SubscriptionPositions {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPositions.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final String intakeTopic;

    SubscriptionPositions(Admin admin, IntakeProperties intake) {
        this.admin = admin;
        this.intakeTopic = intake.topic();
    }

    /** Places a new subscription at the end of the intake topic. */
    void startAtEnd(Subscription subscription) {
        try {
            Map<TopicPartition, OffsetAndMetadata> ends = ends().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue())));
            admin.alterConsumerGroupOffsets(subscription.consumerGroup(), ends).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubscriptionStoreUnavailableException("Could not place the subscription in the object stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionStoreUnavailableException("Interrupted", e);
        }
    }

    /** Accepted submissions not yet passed by the subscription (delivered or found not to match); empty if Kafka does not answer. */
    Optional<Long> backlog(Subscription subscription) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(subscription.consumerGroup())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends().entrySet()) {
                long at = Optional.ofNullable(committed.get(end.getKey())).map(OffsetAndMetadata::offset).orElse(0L);
                behind += Math.max(0, end.getValue() - at);
            }
            return Optional.of(behind);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not read the backlog of subscription {}: {}", subscription.id(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Forgets a deleted subscription's position; a deliverer still stopping may keep it alive a moment. */
    void forget(Subscription subscription) {
        admin.deleteConsumerGroups(List.of(subscription.consumerGroup())).all().whenComplete((done, error) -> {
            if (error != null) {
                log.info("Position of deleted subscription {} not removed yet: {}", subscription.id(), error.toString());
            }
        });
    }

    private Map<TopicPartition, Long> ends() throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(intakeTopic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(intakeTopic).partitions().stream()
                .map(info -> new TopicPartition(intakeTopic, info.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(partitions).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
