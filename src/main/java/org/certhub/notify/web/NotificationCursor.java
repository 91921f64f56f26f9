package org.certhub.notify.web;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An opaque cursor: the sort values (created, id) of a page's last notification; no filter, no permission. */
final class NotificationCursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotificationCursor() {
    }

    static String encode(List<FieldValue> values) {
        var array = JSON.createArrayNode();
        array.add(values.get(0).longValue());
        array.add(values.get(1).stringValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
    }

    static Optional<List<FieldValue>> decode(String cursor) {
        try {
            JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (!array.isArray() || array.size() != 2 || !array.get(0).isIntegralNumber() || !array.get(1).isString()) {
                return Optional.empty();
            }
            return Optional.of(List.of(FieldValue.of(array.get(0).asLong()), FieldValue.of(array.get(1).asString())));
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
