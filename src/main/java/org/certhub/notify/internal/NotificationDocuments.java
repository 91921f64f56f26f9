package org.certhub.notify.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a notification document: a mapper of its own, so the stored layout does not follow web settings. */
final class NotificationDocuments {

    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private NotificationDocuments() {
    }

    static JsonNode toJson(Notification notification) {
        return JSON.valueToTree(notification);
    }

    static Notification fromJson(JsonNode source) {
        return JSON.treeToValue(source, Notification.class);
    }
}
