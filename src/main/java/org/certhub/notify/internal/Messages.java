package org.certhub.notify.internal;

import java.util.List;
import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.notify.channel.Message;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the channels send of a notification: the request's own JSON (what the playbook asked, for a
 * recipient that may see the subject) plus the acknowledgement link when one is asked. A blind
 * notice sends only the blind entry ({@code blind, cert, contact, tlp}), the fixed text and what
 * acknowledging it takes: no run, playbook, step or subject id, which would name what it is about.
 */
final class Messages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Messages() {
    }

    static Message of(Notification notification, AckLinks links) {
        var request = notification.request();
        Optional<java.net.URI> ackUrl = request.ackRequired()
                ? links.linkFor(notification.id(), request.recipient()) : Optional.empty();
        ObjectNode json = request.blindNotice() ? blind(request) : full(request);
        ackUrl.ifPresent(url -> json.put("ack_url", url.toString()));
        return new Message(notification.id(), request.recipient(), nonNull(request.subject()), nonNull(request.text()),
                request.tlp(), ackUrl, JSON.writeValueAsBytes(json));
    }

    private static ObjectNode full(NotificationRequested request) {
        ObjectNode json = (ObjectNode) JSON.readTree(request.toJson());
        // The marking names every holder and its level (a RED holder too): for the hub's checks, not for recipients.
        json.remove(List.of("marking", "blind"));
        return json;
    }

    private static ObjectNode blind(NotificationRequested request) {
        ObjectNode json = JSON.createObjectNode();
        json.put("schema_version", request.schemaVersion());
        json.put("blind", true);
        json.put("cert", request.blind().cert());
        json.put("contact", request.blind().contact());
        json.put("tlp", request.tlp().label());
        json.put("notification_id", request.notificationId());
        json.put("recipient", request.recipient());
        json.put("subject", request.subject());
        json.put("text", request.text());
        json.put("ack_required", request.ackRequired());
        if (request.ackDeadline() != null) {
            json.put("ack_deadline", request.ackDeadline().toString());
        }
        return json;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
