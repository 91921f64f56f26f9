package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.certhub.console.ConsoleProperties;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new ConsoleProperties.SignIn(5, Duration.ofMinutes(5), Duration.ofMinutes(15), 1_000), clock);

    @Test
    void locksAUsernameFromAnAddressAfterFiveFailuresInFiveMinutes() {
        failTimes(4, "kz-responder", "10.0.0.1");
        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isFalse();

        throttle.failed("KZ-Responder", "10.0.0.1");

        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isTrue();
        assertThat(throttle.refuses("kz-responder", "10.0.0.2")).as("another address").isFalse();
        assertThat(throttle.refuses("uz-responder", "10.0.0.1")).as("another username").isFalse();
    }

    @Test
    void unlocksWhenTheLockoutEnds() {
        failTimes(5, "kz-responder", "10.0.0.1");

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        failTimes(4, "kz-responder", "10.0.0.1");
        clock.advance(Duration.ofMinutes(6));

        throttle.failed("kz-responder", "10.0.0.1");

        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        failTimes(4, "kz-responder", "10.0.0.1");
        throttle.succeeded("kz-responder", "10.0.0.1");

        throttle.failed("kz-responder", "10.0.0.1");

        assertThat(throttle.refuses("kz-responder", "10.0.0.1")).isFalse();
    }

    @Test
    void forgetsExpiredPairsWhenFullAndKeepsCountingLockedOnes() {
        SignInThrottle small = new SignInThrottle(new ConsoleProperties.SignIn(2, Duration.ofMinutes(5),
                Duration.ofMinutes(15), 2), clock);
        small.failed("locked", "10.0.0.1");
        small.failed("locked", "10.0.0.1");
        small.failed("stale", "10.0.0.1");
        clock.advance(Duration.ofMinutes(6));

        small.failed("new", "10.0.0.1");
        small.failed("new", "10.0.0.1");

        assertThat(small.refuses("locked", "10.0.0.1")).isTrue();
        assertThat(small.refuses("new", "10.0.0.1")).isTrue();
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
