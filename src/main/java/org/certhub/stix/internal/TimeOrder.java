package org.certhub.stix.internal;

import tools.jackson.databind.JsonNode;

/** Ordering rules between two timestamp properties of one object (e.g. last_seen after first_seen). */
final class TimeOrder {

    private TimeOrder() {
    }

    /** {@code later} MUST be equal to or after {@code earlier}, when both are present and valid. */
    static void notBefore(JsonNode object, String earlier, String later, String pointer, String rule,
            Issues out) {
        compare(object, earlier, later, pointer, rule, false, out);
    }

    /** {@code later} MUST be strictly after {@code earlier}, when both are present and valid. */
    static void after(JsonNode object, String earlier, String later, String pointer, Issues out) {
        compare(object, earlier, later, pointer, "timestamp-order", true, out);
    }

    static ObjectRule notBefore(String earlier, String later) {
        return (object, pointer, out) -> notBefore(object, earlier, later, pointer, "timestamp-order", out);
    }

    static ObjectRule after(String earlier, String later) {
        return (object, pointer, out) -> after(object, earlier, later, pointer, out);
    }

    private static void compare(JsonNode object, String earlier, String later, String pointer, String rule,
            boolean strict, Issues out) {
        String first = Checks.text(object, earlier);
        String second = Checks.text(object, later);
        if (!Timestamps.isValid(first) || !Timestamps.isValid(second)) {
            return;
        }
        int order = Timestamps.compare(second, first);
        if (order < 0 || (strict && order == 0)) {
            out.error(Pointers.child(pointer, later), rule, "'" + later + "' (" + second + ") must be "
                    + (strict ? "later than" : "equal to or later than") + " '" + earlier + "' (" + first + ")");
        }
    }
}
