package org.certhub.search;

import java.util.Set;

import org.certhub.stix.Tlp;

/**
 * What one caller may see, as the sharing policy decided it: everything its own principal
 * submitted, and others' objects at the listed TLP levels.
 */
public record Visibility(String owner, Set<Tlp> othersTlps) {

    public Visibility {
        othersTlps = Set.copyOf(othersTlps);
    }
}
