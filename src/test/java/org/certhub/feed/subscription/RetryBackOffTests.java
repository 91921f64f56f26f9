package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackOffTests {

    private final RetryBackOff backOff = new RetryBackOff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void growsExponentiallyWithJitterWithinHalfAndAll() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 1000L << (attempt - 1);
            for (int i = 0; i < 50; i++) {
                assertThat(backOff.after(attempt).toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void neverExceedsTheMaximumEvenAfterManyAttempts() {
        for (int attempt : new int[] {20, 40, 63, 1000}) {
            assertThat(backOff.after(attempt)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
        }
    }
}
