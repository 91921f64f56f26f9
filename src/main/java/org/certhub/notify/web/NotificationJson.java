package org.certhub.notify.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.internal.ChannelDelivery;
import org.certhub.notify.internal.Notification;

/**
 * A notification as the API shows it: what it says, each channel's delivery, the acknowledgement.
 * {@code subject} and {@code text} are left out when the caller is an admin who may not see the
 * notification's TLP level (the dead-letter view).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationJson(
        @JsonProperty("notification_id") String notificationId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("playbook_version") int playbookVersion,
        @JsonProperty("step_id") String stepId,
        String recipient,
        @JsonProperty("contact_role") String contactRole,
        String subject,
        String text,
        @JsonProperty("subject_kind") String subjectKind,
        @JsonProperty("subject_id") String subjectId,
        String tlp,
        @JsonProperty("ack_required") boolean ackRequired,
        @JsonProperty("ack_deadline") Instant ackDeadline,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("created_at") Instant createdAt,
        ChannelDelivery.State state,
        List<ChannelDelivery> channels,
        boolean acknowledged,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt) {

    static NotificationJson of(Notification notification, boolean withContent) {
        NotificationRequested request = notification.request();
        return new NotificationJson(notification.id(), request.runId(), request.playbookId(), request.playbookVersion(),
                request.stepId(), request.recipient(), request.contactRole(), withContent ? request.subject() : null,
                withContent ? request.text() : null, request.subjectKind(), request.subjectId(), request.tlp().label(),
                request.ackRequired(), request.ackDeadline(), request.requestedAt(), notification.createdAt(),
                notification.state(), notification.channels(), notification.acknowledged(), notification.acknowledgedAt());
    }
}
