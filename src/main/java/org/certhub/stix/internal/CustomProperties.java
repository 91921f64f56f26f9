package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** Checks that STIX derives from the names of custom properties. */
final class CustomProperties {

    private CustomProperties() {
    }

    /**
     * {@code _bin} and {@code _hex} names MUST carry binary and hex values (the OASIS schemas enforce it):
     * errors. {@code _ref}/{@code _refs} names conventionally carry identifiers: a mismatch is a warning.
     * Lists MUST NOT be empty anywhere in STIX.
     */
    static void checkBySuffix(String name, JsonNode value, String pointer, Issues out) {
        if (name.endsWith("_bin")) {
            Checks.BINARY.check(value, pointer, out);
        } else if (name.endsWith("_hex")) {
            Checks.HEX.check(value, pointer, out);
        } else if (name.endsWith("_ref")) {
            if (!value.isString() || !Ids.isValid(value.stringValue())) {
                out.warn(pointer, "identifier-format", "'" + name + "' should hold a STIX identifier");
            }
        } else if (name.endsWith("_refs")) {
            if (!allIds(value)) {
                out.warn(pointer, "identifier-format", "'" + name + "' should hold a list of STIX identifiers");
            }
        } else if (value.isArray() && value.isEmpty()) {
            out.error(pointer, "empty-list", "must not be an empty list; omit the property instead");
        }
    }

    private static boolean allIds(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isString() || !Ids.isValid(element.stringValue())) {
                return false;
            }
        }
        return true;
    }
}
