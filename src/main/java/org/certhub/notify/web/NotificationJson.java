package org.certhub.notify.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.internal.ChannelDelivery;
import org.certhub.notify.internal.Notification;
import org.certhub.stix.Tlp;

/**
 * A notification as the API shows it: what it says, each channel's delivery, the acknowledgement.
 * When the caller may not see the notification's subject (a blind notice, or an admin's dead-letter
 * view of a notification about something the admin may not see) it is the blind entry
 * ({@code blind, cert, contact, tlp}) with what acknowledging and following the delivery take; no
 * run, playbook, step or subject id. {@code subject} and {@code text} are then the blind notice's
 * fixed text for its recipient, and absent for an admin.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationJson(
        Boolean blind,
        String cert,
        String contact,
        @JsonProperty("notification_id") String notificationId,
        @JsonProperty("run_id") String runId,
        @JsonProperty("playbook_id") String playbookId,
        @JsonProperty("playbook_version") Integer playbookVersion,
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

    /** The whole notification. */
    static NotificationJson of(Notification notification) {
        NotificationRequested request = notification.request();
        return new NotificationJson(null, null, null, notification.id(), request.runId(), request.playbookId(), request.playbookVersion(),
                request.stepId(), request.recipient(), request.contactRole(), request.subject(),
                request.text(), request.subjectKind(), request.subjectId(), request.tlp().label(),
                request.ackRequired(), request.ackDeadline(), request.requestedAt(), notification.createdAt(),
                notification.state(), notification.channels(), notification.acknowledged(), notification.acknowledgedAt());
    }

    /** The blind entry of a notification whose subject the caller may not see; {@code withNotice}: its fixed text too. */
    static NotificationJson blind(Notification notification, String cert, String contact, Tlp tlp, boolean withNotice) {
        NotificationRequested request = notification.request();
        return new NotificationJson(true, cert, contact, notification.id(), null, null, null, null, request.recipient(),
                null, withNotice ? request.subject() : null, withNotice ? request.text() : null, null, null, tlp.label(),
                request.ackRequired(), request.ackDeadline(), null, notification.createdAt(), notification.state(),
                notification.channels(), notification.acknowledged(), notification.acknowledgedAt());
    }
}
