package org.certhub.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.certhub.notify.NotifyProperties;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(new NotifyProperties.Delivery(5, Duration.ofHours(1),
            Duration.ofSeconds(2), 2.0, 0.5, Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofSeconds(1), 4));

    @Test
    void pausesGrowExponentiallyWithinTheirJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(pause(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
            assertThat(pause(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
            assertThat(pause(4)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(24));
        }
    }

    @Test
    void givesUpAtTheAttemptLimitOrPastTheMaximumAge() {
        assertThat(schedule.next(5, NOW, NOW)).isEmpty();
        assertThat(schedule.givenUp(5)).isEqualTo("gave up after 5 attempts");
        assertThat(schedule.next(1, NOW, NOW.minus(Duration.ofMinutes(59).plusSeconds(59)))).isEmpty();
        assertThat(schedule.next(1, NOW, NOW.minus(Duration.ofMinutes(10)))).isPresent();
    }

    private Duration pause(int attempts) {
        return Duration.between(NOW, schedule.next(attempts, NOW, NOW).orElseThrow());
    }
}
