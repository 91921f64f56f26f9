package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;
import org.certhub.stix.observable.ObservableType;
import org.junit.jupiter.api.Test;

class SubscriptionRecordsTests {

    @Test
    void subscriptionsAndStatusesReadBackAsWritten() {
        Subscription subscription = new Subscription("sub-1", "regional-soc", URI.create("https://soc.example/hook"),
                "s".repeat(40), new FeedFilter(Set.of("indicator"), Optional.of(Tlp.GREEN), Set.of(ObservableType.IPV4)),
                true, Instant.parse("2026-11-29T06:00:00Z"), Optional.of(Instant.parse("2026-11-29T06:05:00Z")));
        assertThat(SubscriptionRecords.readSubscription(SubscriptionRecords.write(subscription))).contains(subscription);
        DeliveryStatus status = DeliveryStatus.NONE.delivered(Instant.parse("2026-11-29T06:01:00Z"))
                .failed("HTTP 503", Instant.parse("2026-11-29T06:02:00Z")).failing(Instant.parse("2026-11-29T07:02:00Z"));
        assertThat(SubscriptionRecords.readStatus(SubscriptionRecords.write(status))).contains(status);
    }

    @Test
    void aResumeAfterTheFailureEndsTheFailingState() {
        Subscription subscription = new Subscription("sub-1", "kz-cert", URI.create("https://x.example/"), "s".repeat(40),
                FeedFilter.ANY, false, Instant.parse("2026-11-29T06:00:00Z"), Optional.empty());
        DeliveryStatus failing = DeliveryStatus.NONE.failing(Instant.parse("2026-11-29T06:10:00Z"));
        assertThat(failing.stopped(subscription)).isTrue();
        assertThat(failing.stopped(subscription.paused(false, Instant.parse("2026-11-29T06:11:00Z")))).isFalse();
    }

    @Test
    void unreadableRecordsAreEmpty() {
        assertThat(SubscriptionRecords.readSubscription("{\"id\":\"sub-1\"}")).isEmpty();
        assertThat(SubscriptionRecords.readSubscription("not json")).isEmpty();
        assertThat(SubscriptionRecords.readStatus("{\"failing_since\":\"yesterday\"}")).isEmpty();
    }
}
