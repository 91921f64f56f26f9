package org.certhub.stix;

import java.util.Collection;
import java.util.Optional;

/**
 * Traffic Light Protocol levels, ordered from least to most restrictive.
 *
 * <p>Recognises the TLP 2.0 marking definitions (FIRST, shared through the STIX extension
 * {@code extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d}) and the TLP 1.0 marking definitions
 * of the STIX 2.1 specification (section 7.2.1.4), where TLP:WHITE maps to {@link #CLEAR}.
 */
public enum Tlp {
    CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
    GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
    AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"),
    /** TLP 2.0 only: TLP 1.0 had no AMBER+STRICT. */
    AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", ""),
    RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    private final String tlp2Id;
    /** Empty when the level has no TLP 1.0 equivalent. */
    private final String tlp1Id;

    Tlp(String tlp2Id, String tlp1Id) {
        this.tlp2Id = tlp2Id;
        this.tlp1Id = tlp1Id;
    }

    /** @return the id of this level's TLP 2.0 marking definition */
    public String markingDefinitionId() {
        return tlp2Id;
    }

    /**
     * @param markingDefinitionId a marking-definition id, as found in {@code object_marking_refs}
     * @return the TLP level of a TLP 2.0 or TLP 1.0 marking definition id, empty for any other id (or null)
     */
    public static Optional<Tlp> fromMarkingRef(String markingDefinitionId) {
        if (markingDefinitionId == null || markingDefinitionId.isEmpty()) {
            return Optional.empty();
        }
        for (Tlp tlp : values()) {
            if (tlp.tlp2Id.equals(markingDefinitionId) || tlp.tlp1Id.equals(markingDefinitionId)) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }

    /**
     * @param markingRefs marking-definition ids, e.g. an object's {@code object_marking_refs}
     * @return the most restrictive TLP level among them, empty when none of them is a TLP marking
     */
    public static Optional<Tlp> strictest(Collection<String> markingRefs) {
        Tlp strictest = null;
        if (markingRefs != null) {
            for (String ref : markingRefs) {
                Optional<Tlp> tlp = fromMarkingRef(ref);
                if (tlp.isPresent() && (strictest == null || tlp.get().compareTo(strictest) > 0)) {
                    strictest = tlp.get();
                }
            }
        }
        return Optional.ofNullable(strictest);
    }
}
