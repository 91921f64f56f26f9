package org.certhub.feed.subscription;

import java.time.Instant;
import java.util.Optional;

/**
 * How a subscription's deliveries go, written by the hub instance that delivers it.
 *
 * @param lastDeliveryAt when a POST was last answered 2xx
 * @param lastError the last failure (HTTP status or connection error), never response content
 * @param lastErrorAt when it happened
 * @param failingSince when one delivery had been retried for longer than the maximum retry age:
 *     delivery stopped there, the backlog kept, until the owner resumes the subscription
 */
record DeliveryStatus(Optional<Instant> lastDeliveryAt, Optional<String> lastError, Optional<Instant> lastErrorAt,
        Optional<Instant> failingSince) {

    static final DeliveryStatus NONE = new DeliveryStatus(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    DeliveryStatus delivered(Instant at) {
        return new DeliveryStatus(Optional.of(at), lastError, lastErrorAt, Optional.empty());
    }

    DeliveryStatus failed(String error, Instant at) {
        return new DeliveryStatus(lastDeliveryAt, Optional.of(error), Optional.of(at), failingSince);
    }

    DeliveryStatus failing(Instant since) {
        return new DeliveryStatus(lastDeliveryAt, lastError, lastErrorAt, Optional.of(since));
    }

    /** Whether delivery is stopped: failing, and not resumed by the owner since. */
    boolean stopped(Subscription subscription) {
        return failingSince.filter(since -> subscription.resumedAt().map(since::isAfter).orElse(true)).isPresent();
    }
}
