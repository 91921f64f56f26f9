package org.certhub.notify.internal;

import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.core.IntervalFunction;
import org.certhub.notify.NotifyProperties;

/**
 * When a failed channel is tried next, or whether it is given up: exponential back-off with jitter
 * (resilience4j's interval function), at most {@code max-attempts} attempts, and never past
 * {@code max-age} after the notification was recorded. The due time is kept in the notification's
 * document, so the schedule survives a restart of the hub.
 */
final class RetrySchedule {

    private final IntervalFunction intervals;
    private final int maxAttempts;
    private final Duration maxAge;

    RetrySchedule(NotifyProperties.Delivery delivery) {
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(delivery.initialBackOff(),
                delivery.backOffMultiplier(), delivery.jitter(), delivery.maxBackOff());
        this.maxAttempts = delivery.maxAttempts();
        this.maxAge = delivery.maxAge();
    }

    /** The next attempt after {@code attempts} failed ones, or empty when the channel is to be given up. */
    java.util.Optional<Instant> next(int attempts, Instant now, Instant recordedAt) {
        if (attempts >= maxAttempts) {
            return java.util.Optional.empty();
        }
        Instant next = now.plusMillis(intervals.apply(attempts));
        return next.isAfter(recordedAt.plus(maxAge)) ? java.util.Optional.empty() : java.util.Optional.of(next);
    }

    String givenUp(int attempts) {
        return attempts >= maxAttempts ? "gave up after " + attempts + " attempts" : "gave up after " + maxAge;
    }
}
