package org.certhub.stix.internal;

/**
 * A STIX object type known to the validator.
 *
 * @param type  the type name
 * @param kind  its category
 * @param shape its properties, common ones included
 */
record TypeSpec(String type, Kind kind, Shape shape) {

    static TypeSpec sdo(String type, Shape.Builder specific) {
        return new TypeSpec(type, Kind.SDO, CommonProps.CORE.plus(specific.build()));
    }

    static TypeSpec sro(String type, Shape.Builder specific) {
        return new TypeSpec(type, Kind.SRO, CommonProps.CORE.plus(specific.build()));
    }

    static TypeSpec sco(String type, Shape.Builder specific) {
        return new TypeSpec(type, Kind.SCO, CommonProps.SCO.plus(specific.build()));
    }
}
