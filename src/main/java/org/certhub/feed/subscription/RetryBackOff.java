package org.certhub.feed.subscription;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between attempts of one delivery: exponential from {@code initial}, capped at {@code max},
 * with "equal jitter" (half fixed, half random) so that many subscriptions failing at once on one
 * receiver do not retry in lockstep.
 */
record RetryBackOff(Duration initial, Duration max) {

    /** The pause after failed attempt number {@code attempt} (1 for the first). */
    Duration after(int attempt) {
        long ceiling = max.toMillis();
        long exponential = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = exponential <= 0 ? ceiling : Math.min(exponential, ceiling);
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
