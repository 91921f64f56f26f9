package org.certhub.notify.internal;

import org.certhub.notify.NotificationRequested;

/** A request as read from the request topic, with the topic partition it came in on. */
public record Incoming(NotificationRequested request, String topic, int partition) {
}
