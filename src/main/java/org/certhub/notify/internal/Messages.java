package org.certhub.notify.internal;

import java.util.Optional;

import org.certhub.notify.channel.Message;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the channels send of a notification: the request's own JSON (what the playbook asked,
 * already cut to what the recipient may see) plus the acknowledgement link when one is asked.
 */
final class Messages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Messages() {
    }

    static Message of(Notification notification, AckLinks links) {
        var request = notification.request();
        Optional<java.net.URI> ackUrl = request.ackRequired()
                ? links.linkFor(notification.id(), request.recipient()) : Optional.empty();
        ObjectNode json = (ObjectNode) JSON.readTree(request.toJson());
        ackUrl.ifPresent(url -> json.put("ack_url", url.toString()));
        return new Message(notification.id(), request.recipient(), nonNull(request.subject()), nonNull(request.text()),
                request.tlp(), ackUrl, JSON.writeValueAsBytes(json));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
