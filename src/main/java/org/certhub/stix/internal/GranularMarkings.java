package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/**
 * granular_markings (specification section 7.2.3): each marking has non-empty selectors that MUST resolve
 * to properties or list items of the object, and exactly one of marking_ref and lang.
 */
final class GranularMarkings {

    private static final Shape GRANULAR_MARKING = Shape.builder()
            .required("selectors", Checks.STRING_LIST)
            .optional("marking_ref", RefChecks.ref("marking-definition"))
            .optional("lang", Checks.LANGUAGE)
            .rule(GranularMarkings::markingRefOrLang)
            .build();

    /** Index digits beyond this cannot address a JSON array anyway, and would overflow an int. */
    private static final int MAX_INDEX_DIGITS = 9;

    private GranularMarkings() {
    }

    static void check(JsonNode object, String pointer, Issues out) {
        JsonNode markings = object.path("granular_markings");
        String at = Pointers.child(pointer, "granular_markings");
        if (markings.isMissingNode() || markings.isNull() || !Checks.isNonEmptyArray(markings, at, out)) {
            return;
        }
        for (int i = 0; i < markings.size() && !out.full(); i++) {
            JsonNode marking = markings.get(i);
            String markingAt = Pointers.index(at, i);
            if (Checks.isNonEmptyObject(marking, markingAt, out)) {
                ShapeValidator.validateEmbedded(marking, markingAt, GRANULAR_MARKING, out);
                selectors(object, marking.path("selectors"), Pointers.child(markingAt, "selectors"), out);
            }
        }
    }

    private static void markingRefOrLang(JsonNode marking, String pointer, Issues out) {
        if (marking.has("marking_ref") == marking.has("lang")) {
            out.error(pointer, "granular-marking", "a granular marking needs exactly one of marking_ref and lang");
        }
    }

    private static void selectors(JsonNode object, JsonNode selectors, String pointer, Issues out) {
        if (!selectors.isArray()) {
            return;
        }
        for (int i = 0; i < selectors.size(); i++) {
            JsonNode selector = selectors.get(i);
            if (selector.isString() && !resolves(object, selector.stringValue())) {
                out.error(Pointers.index(pointer, i), "marking-selector", "selector "
                        + Texts.quote(selector.stringValue()) + " does not select a property or list item "
                        + "of this object");
            }
        }
    }

    /** Walks {@code name(.name|.[index])*} through the object; every step must exist. */
    static boolean resolves(JsonNode object, String selector) {
        JsonNode current = object;
        int start = 0;
        while (true) {
            int dot = selector.indexOf('.', start);
            int end = dot < 0 ? selector.length() : dot;
            if (end == start) {
                return false;
            }
            if (selector.charAt(start) == '[') {
                int index = index(selector, start, end);
                if (index < 0 || !current.isArray() || index >= current.size()) {
                    return false;
                }
                current = current.get(index);
            } else {
                String name = selector.substring(start, end);
                if (!current.isObject() || !current.has(name)) {
                    return false;
                }
                current = current.get(name);
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** @return the index of a {@code [digits]} step, or -1 when malformed */
    private static int index(String selector, int start, int end) {
        int digits = end - start - 2;
        if (digits < 1 || digits > MAX_INDEX_DIGITS || selector.charAt(end - 1) != ']') {
            return -1;
        }
        int value = 0;
        for (int i = start + 1; i < end - 1; i++) {
            char c = selector.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
