package org.certhub.notify.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the delivery of one notification on one channel stands.
 *
 * @param channel {@code webhook}, {@code email} or {@code kafka}
 * @param state pending, delivered or dead-lettered
 * @param attempts attempts made (or claimed) so far
 * @param nextAttemptAt when a pending channel is due next; null once it is not pending
 * @param lastError why the last attempt failed, or why it was dead-lettered; null when none did
 * @param deliveredAt when it was delivered
 * @param deadLetteredAt when it was given up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelDelivery(
        String channel,
        State state,
        int attempts,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("delivered_at") Instant deliveredAt,
        @JsonProperty("dead_lettered_at") Instant deadLetteredAt) {

    /** The state of one channel's delivery. */
    public enum State {
        @JsonProperty("pending") PENDING,
        @JsonProperty("delivered") DELIVERED,
        @JsonProperty("dead-lettered") DEAD_LETTERED
    }

    static ChannelDelivery pending(String channel, Instant due) {
        return new ChannelDelivery(channel, State.PENDING, 0, due, null, null, null);
    }

    boolean dueAt(Instant now) {
        return state == State.PENDING && !nextAttemptAt.isAfter(now);
    }

    ChannelDelivery claimed(Instant blockedUntil) {
        return new ChannelDelivery(channel, state, attempts + 1, blockedUntil, lastError, null, null);
    }

    ChannelDelivery delivered(Instant at) {
        return new ChannelDelivery(channel, State.DELIVERED, attempts, null, null, at, null);
    }

    ChannelDelivery retryAt(Instant at, String error) {
        return new ChannelDelivery(channel, State.PENDING, attempts, at, error, null, null);
    }

    ChannelDelivery deadLettered(Instant at, String reason) {
        return new ChannelDelivery(channel, State.DEAD_LETTERED, attempts, null, reason, null, at);
    }
}
