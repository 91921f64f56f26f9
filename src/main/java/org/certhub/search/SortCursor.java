package org.certhub.search;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The one opaque paging cursor of the hub's listings: the name of the listing's order and the sort
 * values of a page's last hit ({@code search_after}), as base64url JSON. It carries no filter and no
 * permission: every page applies the filters and the sharing policy afresh, so a forged cursor can
 * only move within what the caller may see anyway. A cursor of another order, or of another shape,
 * is not one of this listing's.
 */
public final class SortCursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a sort value is. */
    public enum Kind { LONG, DOUBLE, STRING }

    private SortCursor() {
    }

    public static String encode(String order, List<FieldValue> values) {
        ArrayNode array = JSON.createArrayNode();
        array.add(order);
        for (FieldValue value : values) {
            if (value.isLong()) {
                array.add(value.longValue());
            } else if (value.isDouble()) {
                array.add(value.doubleValue());
            } else {
                array.add(value.isString() ? value.stringValue() : value._toJsonString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
    }

    /** The sort values to continue after, when {@code cursor} is one of this order's, of this shape. */
    public static Optional<List<FieldValue>> decode(String cursor, String order, List<Kind> shape) {
        try {
            JsonNode array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (!array.isArray() || array.size() != shape.size() + 1 || !array.get(0).asString("").equals(order)) {
                return Optional.empty();
            }
            List<FieldValue> values = new ArrayList<>(shape.size());
            for (int i = 0; i < shape.size(); i++) {
                JsonNode value = array.get(i + 1);
                switch (shape.get(i)) {
                    case LONG -> {
                        if (!value.isIntegralNumber()) {
                            return Optional.empty();
                        }
                        values.add(FieldValue.of(value.asLong()));
                    }
                    case DOUBLE -> {
                        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                            return Optional.empty();
                        }
                        values.add(FieldValue.of(value.asDouble()));
                    }
                    case STRING -> {
                        if (!value.isString()) {
                            return Optional.empty();
                        }
                        values.add(FieldValue.of(value.asString()));
                    }
                }
            }
            return Optional.of(List.copyOf(values));
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
