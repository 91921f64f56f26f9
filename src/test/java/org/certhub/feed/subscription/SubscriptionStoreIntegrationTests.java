package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.certhub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Subscriptions are durable in their Kafka topic: what one instance stored, a hub starting afresh
 * (a new view read from the topic) knows, status included; a deleted one it does not.
 */
@HubIntegrationTest
class SubscriptionStoreIntegrationTests {

    @Autowired
    SubscriptionStore store;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    SubscriptionProperties properties;

    @Test
    void aRestartedHubKnowsEverySubscriptionAndStatusAndNoDeletedOne() {
        Subscription kept = subscription(true);
        Subscription deleted = subscription(false);
        store.save(kept);
        store.save(kept.id(), DeliveryStatus.NONE.failed("HTTP 503", Instant.parse("2026-11-29T06:00:00Z")));
        store.save(deleted);
        store.delete(deleted.id());

        SubscriptionView restarted = new SubscriptionView();
        SubscriptionTopicFollower follower = new SubscriptionTopicFollower(restarted, kafka, properties);
        follower.start();
        try {
            assertThat(restarted.find(kept.id())).hasValueSatisfying(placed ->
                    assertThat(placed.subscription()).isEqualTo(kept));
            assertThat(restarted.status(kept.id()).lastError()).contains("HTTP 503");
            assertThat(restarted.find(deleted.id())).isEmpty();
        } finally {
            follower.stop();
        }
    }

    private static Subscription subscription(boolean paused) {
        return new Subscription("sub-" + UUID.randomUUID(), "regional-soc", URI.create("https://soc.example/hook"),
                "s".repeat(40), FeedFilter.ANY, paused, Instant.parse("2026-11-29T05:00:00Z"), Optional.empty());
    }
}
