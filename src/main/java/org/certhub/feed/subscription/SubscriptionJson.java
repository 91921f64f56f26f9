package org.certhub.feed.subscription;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A subscription as its owner sees it: never the secret.
 *
 * @param state {@code active}, {@code paused} or {@code failing}
 * @param backlog accepted submissions not yet passed (delivered, or found not to match); only on
 *     {@code GET /api/v1/subscriptions/{id}}, and absent when Kafka does not answer in time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionJson(
        String id,
        String url,
        Filter filter,
        String state,
        @JsonProperty("created_at") Instant createdAt,
        Long backlog,
        @JsonProperty("last_delivery_at") Instant lastDeliveryAt,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("last_error_at") Instant lastErrorAt,
        @JsonProperty("failing_since") Instant failingSince) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Filter(List<String> types, @JsonProperty("max_tlp") String maxTlp,
            @JsonProperty("observable_types") List<String> observableTypes) {
    }

    static SubscriptionJson of(Subscription subscription, DeliveryStatus status, Long backlog) {
        FeedFilter filter = subscription.filter();
        String state = subscription.paused() ? "paused" : status.stopped(subscription) ? "failing" : "active";
        return new SubscriptionJson(subscription.id(), subscription.url().toString(),
                new Filter(filter.types().stream().sorted().toList(), filter.maxTlp().map(tlp -> tlp.label()).orElse(null),
                        filter.observableTypeIds()),
                state, subscription.createdAt(), backlog, status.lastDeliveryAt().orElse(null),
                status.lastError().orElse(null), status.lastErrorAt().orElse(null),
                status.stopped(subscription) ? status.failingSince().orElse(null) : null);
    }
}
