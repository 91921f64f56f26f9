package org.certhub.notify.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.certhub.notify.NotificationRequested;

/**
 * A notification as the hub keeps it (one document of {@code certhub-notifications}, id = the
 * notification id): the request, the Kafka partition it came in on (which instance delivers it),
 * each channel's delivery, and the acknowledgement. The derived fields (recipient, state,
 * next_attempt_at) are written for queries and ignored when read back.
 *
 * @param id the notification id, the idempotency key of its deliveries
 * @param request what the playbook asked
 * @param topic the request topic it came in on
 * @param partition the partition of that topic it came in on
 * @param channels one delivery per requested channel
 * @param createdAt when the hub recorded it
 * @param acknowledgedAt when its recipient acknowledged it; null until then
 * @param acknowledgedBy how ({@code api} or {@code link}); null until acknowledged
 * @param ackPublished whether the acknowledgement event is on Kafka (written after it is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"recipient", "state", "dead_lettered", "next_attempt_at", "acknowledged", "updated_at"},
        allowGetters = true)
public record Notification(
        @JsonProperty("notification_id") String id,
        NotificationRequested request,
        String topic,
        int partition,
        List<ChannelDelivery> channels,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt,
        @JsonProperty("acknowledged_by") String acknowledgedBy,
        @JsonProperty("ack_published") boolean ackPublished) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        channels = List.copyOf(channels);
    }

    /** A new notification: every distinct requested channel pending, due at once. */
    static Notification recorded(NotificationRequested request, String topic, int partition, Instant now) {
        List<ChannelDelivery> channels = request.channels().stream().distinct()
                .map(channel -> ChannelDelivery.pending(channel, now)).toList();
        return new Notification(request.notificationId(), request, topic, partition, channels, now, null, null, false);
    }

    @JsonProperty("recipient")
    public String recipient() {
        return request.recipient();
    }

    /** Pending while any channel is; else dead-lettered when any channel was given up; else delivered. */
    @JsonProperty("state")
    public ChannelDelivery.State state() {
        if (channels.stream().anyMatch(c -> c.state() == ChannelDelivery.State.PENDING)) {
            return ChannelDelivery.State.PENDING;
        }
        return deadLettered() ? ChannelDelivery.State.DEAD_LETTERED : ChannelDelivery.State.DELIVERED;
    }

    @JsonProperty("dead_lettered")
    public boolean deadLettered() {
        return channels.stream().anyMatch(c -> c.state() == ChannelDelivery.State.DEAD_LETTERED);
    }

    /** The earliest due time of a pending channel; null when none is pending (for the scheduler's query). */
    @JsonProperty("next_attempt_at")
    public Instant nextAttemptAt() {
        return channels.stream().filter(c -> c.state() == ChannelDelivery.State.PENDING)
                .map(ChannelDelivery::nextAttemptAt).min(Comparator.naturalOrder()).orElse(null);
    }

    @JsonProperty("acknowledged")
    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public Optional<ChannelDelivery> channel(String name) {
        return channels.stream().filter(c -> c.channel().equals(name)).findFirst();
    }

    List<String> dueChannels(Instant now) {
        return channels.stream().filter(c -> c.dueAt(now)).map(ChannelDelivery::channel).toList();
    }

    Notification withChannel(String name, UnaryOperator<ChannelDelivery> change) {
        return new Notification(id, request, topic, partition,
                channels.stream().map(c -> c.channel().equals(name) ? change.apply(c) : c).toList(),
                createdAt, acknowledgedAt, acknowledgedBy, ackPublished);
    }

    Notification acknowledge(Instant at, String how) {
        return new Notification(id, request, topic, partition, channels, createdAt, at, how, false);
    }

    Notification withAckPublished() {
        return new Notification(id, request, topic, partition, channels, createdAt, acknowledgedAt, acknowledgedBy, true);
    }
}
