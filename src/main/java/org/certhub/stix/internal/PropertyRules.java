package org.certhub.stix.internal;

/** Reusable co-occurrence rules between the properties of one object. */
final class PropertyRules {

    private PropertyRules() {
    }

    /** At least one of the properties MUST be present. */
    static ObjectRule atLeastOne(String... names) {
        return (object, pointer, out) -> {
            for (String name : names) {
                if (object.has(name)) {
                    return;
                }
            }
            out.error(pointer, "at-least-one-property", "at least one of " + String.join(", ", names)
                    + " is required");
        };
    }

    /** Exactly one of the two properties MUST be present. */
    static ObjectRule exactlyOne(String first, String second) {
        return (object, pointer, out) -> {
            boolean hasFirst = object.has(first);
            if (hasFirst == object.has(second)) {
                out.error(hasFirst ? Pointers.child(pointer, second) : pointer, "mutually-exclusive",
                        "exactly one of '" + first + "' and '" + second + "' must be present");
            }
        };
    }

    /** When {@code present} is there, {@code needed} MUST be there too. */
    static ObjectRule requires(String present, String needed) {
        return (object, pointer, out) -> {
            if (object.has(present) && !object.has(needed)) {
                out.error(Pointers.child(pointer, needed), "property-dependency",
                        "'" + needed + "' is required when '" + present + "' is present");
            }
        };
    }

    /** The two properties MUST NOT both be present. */
    static ObjectRule excludes(String first, String second) {
        return (object, pointer, out) -> {
            if (object.has(first) && object.has(second)) {
                out.error(Pointers.child(pointer, second), "mutually-exclusive",
                        "'" + second + "' must not be present together with '" + first + "'");
            }
        };
    }
}
