package org.certhub.stix.internal;

import java.util.Set;

/**
 * A STIX vocabulary. Open vocabularies (names ending in {@code -ov}) only produce warnings for other values;
 * closed ones (enumerations) produce errors.
 *
 * @param name   the specification's name, e.g. {@code malware-type-ov}
 * @param open   whether values outside the list are allowed
 * @param values the listed values
 */
record Vocab(String name, boolean open, Set<String> values) {

    static Vocab open(String name, String... values) {
        return new Vocab(name, true, Set.of(values));
    }

    static Vocab closed(String name, String... values) {
        return new Vocab(name, false, Set.of(values));
    }

    boolean contains(String value) {
        return values.contains(value);
    }
}
