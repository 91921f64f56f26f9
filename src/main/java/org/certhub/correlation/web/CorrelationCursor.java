package org.certhub.correlation.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.correlation.internal.CorrelationQueries;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * An opaque cursor: the listing's order and the sort values of the last correlation of a page. It
 * carries no filter and no permission: those are applied afresh on every page.
 */
final class CorrelationCursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CorrelationCursor() {
    }

    static String encode(CorrelationQueries.Sort sort, List<FieldValue> values) {
        ArrayNode array = JSON.createArrayNode();
        array.add(sort.name());
        for (FieldValue value : values) {
            if (value.isLong()) {
                array.add(value.longValue());
            } else if (value.isDouble()) {
                array.add(value.doubleValue());
            } else {
                array.add(value.stringValue());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
    }

    /** The sort values to continue after, when the cursor is one of ours for this order. */
    static Optional<List<FieldValue>> decode(String cursor, CorrelationQueries.Sort sort) {
        try {
            JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            int expected = sort == CorrelationQueries.Sort.SCORE ? 3 : 2;
            if (!array.isArray() || array.size() != expected + 1 || !array.get(0).asString("").equals(sort.name())) {
                return Optional.empty();
            }
            List<FieldValue> values = new ArrayList<>();
            for (int i = 1; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isIntegralNumber()) {
                    values.add(FieldValue.of(value.asLong()));
                } else if (value.isNumber()) {
                    values.add(FieldValue.of(value.asDouble()));
                } else if (value.isString()) {
                    values.add(FieldValue.of(value.asString()));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(values);
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
