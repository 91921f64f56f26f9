package org.certhub.stix.internal;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which object types a reference property may point at. Custom (unknown) types pass the category targets,
 * since a custom object may well be an SDO or SCO that this validator does not know.
 *
 * @param description what is allowed, for messages
 * @param accepts     tests the type part of a valid identifier
 */
record RefTarget(String description, Predicate<String> accepts) {

    static final RefTarget ANY = new RefTarget("any object", type -> true);

    /** Relationship ends: SDOs and SCOs, not SROs, markings, language contents or bundles. */
    static final RefTarget SDO_OR_SCO = category("an SDO or SCO", Kind.SDO, Kind.SCO);

    /** {@code sighting_of_ref}: what was sighted is an SDO. */
    static final RefTarget SDO = category("an SDO", Kind.SDO);

    static final RefTarget SCO = category("an SCO", Kind.SCO);

    /** {@code observed-data.object_refs}: SCOs and the SROs between them. */
    static final RefTarget SCO_OR_SRO = category("an SCO or SRO", Kind.SCO, Kind.SRO);

    /** {@code language-content.object_ref}: any object that has text, not another language content. */
    static final RefTarget TRANSLATABLE = new RefTarget("an object other than language-content or bundle",
            type -> !type.equals("language-content") && !type.equals("bundle"));

    static RefTarget types(String... types) {
        Set<String> allowed = Set.of(types);
        String description = types.length == 1 ? types[0] : "one of " + String.join(", ", types);
        return new RefTarget(description, allowed::contains);
    }

    private static RefTarget category(String description, Kind... kinds) {
        Set<Kind> allowed = Set.of(kinds);
        return new RefTarget(description, type -> {
            Kind kind = TypeRegistry.kindOf(type);
            return kind == Kind.CUSTOM || allowed.contains(kind);
        });
    }
}
