package org.certhub.stix.internal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Applies a {@link Shape} to a JSON object: known properties, unknown (custom) ones, required ones, rules. */
final class ShapeValidator {

    /** Reserved by STIX 2.1 for future use; objects MUST NOT carry them. */
    private static final Set<String> RESERVED = Set.of("severity", "action", "username", "phone_numbers");

    private ShapeValidator() {
    }

    /**
     * Validates a top-level STIX object's properties, names included.
     *
     * @param customType true when the whole object is of a custom type, so its other properties are expected
     */
    static void validateObject(JsonNode object, String pointer, Shape shape, boolean customType, Issues out) {
        properties(object, pointer, shape, true, customType, out);
        finish(object, pointer, shape, out);
    }

    /** Validates an embedded object (external reference, extension, ...); the caller ensured it is an object. */
    static void validateEmbedded(JsonNode object, String pointer, Shape shape, Issues out) {
        properties(object, pointer, shape, false, false, out);
        finish(object, pointer, shape, out);
    }

    private static void finish(JsonNode object, String pointer, Shape shape, Issues out) {
        for (String name : shape.required()) {
            if (!object.has(name)) {
                out.error(Pointers.child(pointer, name), "required-property", "'" + name + "' is required");
            }
        }
        for (ObjectRule rule : shape.rules()) {
            if (out.full()) {
                return;
            }
            rule.check(object, pointer, out);
        }
    }

    private static void properties(JsonNode object, String pointer, Shape shape, boolean topLevel,
            boolean customType, Issues out) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (out.full()) {
                return;
            }
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            Check check = shape.props().get(name);
            if (check != null && !value.isNull()) {
                check.check(value, Pointers.child(pointer, name), out);
            } else if (check != null) {
                out.error(Pointers.child(pointer, name), "null-value", "'" + name
                        + "' must not be null; omit it instead");
            } else {
                unknown(name, value, Pointers.child(pointer, name), topLevel, customType, out);
            }
        }
    }

    private static void unknown(String name, JsonNode value, String pointer, boolean topLevel,
            boolean customType, Issues out) {
        if (topLevel && !PropertyNames.check(name, pointer, out)) {
            return;
        }
        if (RESERVED.contains(name)) {
            out.error(pointer, "reserved-property", "'" + name + "' is reserved by STIX 2.1 and must not be used");
            return;
        }
        if (value.isNull()) {
            out.error(pointer, "null-value", "'" + name + "' must not be null; omit it instead");
            return;
        }
        CustomProperties.checkBySuffix(name, value, pointer, out);
        if (!customType && !name.startsWith("x_")) {
            out.warn(pointer, "custom-property", "'" + name + "' is not a STIX 2.1 property of this object;"
                    + " custom properties should be defined by an extension (or at least start with x_)");
        }
    }
}
