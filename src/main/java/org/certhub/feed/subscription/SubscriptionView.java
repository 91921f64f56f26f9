package org.certhub.feed.subscription;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the subscriptions topic: every subscription with the partition its record
 * lives on (which decides the instance that delivers it) and its delivery status. Each key keeps
 * the offset it was last set from, so that an instance's own acknowledged write, applied at once,
 * is never undone by an older record the follower reads afterwards.
 */
@Component
class SubscriptionView {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionView.class);

    private final Map<String, Versioned<Placed>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Versioned<DeliveryStatus>> statuses = new ConcurrentHashMap<>();

    /** A subscription and the partition of the subscriptions topic it is on. */
    record Placed(Subscription subscription, int partition) {
    }

    private record Versioned<T>(long offset, Optional<T> value) {
    }

    Optional<Placed> find(String id) {
        return Optional.ofNullable(subscriptions.get(id)).flatMap(Versioned::value);
    }

    List<Placed> all() {
        return subscriptions.values().stream().flatMap(entry -> entry.value().stream())
                .sorted(Comparator.comparing(placed -> placed.subscription().createdAt())).toList();
    }

    DeliveryStatus status(String id) {
        return Optional.ofNullable(statuses.get(id)).flatMap(Versioned::value).orElse(DeliveryStatus.NONE);
    }

    /** Applies one record (value null: a tombstone) read from, or written to, {@code partition} at {@code offset}. */
    void apply(int partition, long offset, String key, String value) {
        if (key.endsWith(SubscriptionRecords.STATUS_SUFFIX)) {
            String id = key.substring(0, key.length() - SubscriptionRecords.STATUS_SUFFIX.length());
            Optional<DeliveryStatus> status = Optional.ofNullable(value).flatMap(SubscriptionRecords::readStatus);
            if (value != null && status.isEmpty()) {
                log.error("Subscription status record {} at {}-{} is unreadable; skipped", key, partition, offset);
                return;
            }
            statuses.merge(id, new Versioned<>(offset, status), SubscriptionView::newer);
            return;
        }
        Optional<Placed> placed = Optional.ofNullable(value).flatMap(SubscriptionRecords::readSubscription)
                .filter(subscription -> subscription.id().equals(key)).map(subscription -> new Placed(subscription, partition));
        if (value != null && placed.isEmpty()) {
            log.error("Subscription record {} at {}-{} is unreadable; skipped", key, partition, offset);
            return;
        }
        subscriptions.merge(key, new Versioned<>(offset, placed), SubscriptionView::newer);
    }

    private static <T> Versioned<T> newer(Versioned<T> held, Versioned<T> arriving) {
        return arriving.offset() >= held.offset() ? arriving : held;
    }
}
