package org.certhub.stix;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Traffic Light Protocol levels, from most to least shareable, with the STIX marking definitions
 * that carry them: TLP 2.0, and the STIX 2.1 specification's TLP 1.0 definitions (WHITE is CLEAR).
 */
public enum Tlp {
    CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private static final Map<String, Tlp> BY_MARKING = Map.of(
            CLEAR.markingDefinitionId, CLEAR,
            GREEN.markingDefinitionId, GREEN,
            AMBER.markingDefinitionId, AMBER,
            AMBER_STRICT.markingDefinitionId, AMBER_STRICT,
            RED.markingDefinitionId, RED,
            // TLP 1.0, as defined in the STIX 2.1 specification (section 7.2.1.4)
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

    private final String markingDefinitionId;

    Tlp(String markingDefinitionId) {
        this.markingDefinitionId = markingDefinitionId;
    }

    /** The TLP 2.0 marking definition id of this level. */
    public String markingDefinitionId() {
        return markingDefinitionId;
    }

    /** The label as TLP 2.0 writes it: {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + name().replace('_', '+');
    }

    /** The level a marking definition id stands for (TLP 2.0 or 1.0), if it is a TLP marking. */
    public static Optional<Tlp> fromMarkingRef(String markingDefinitionId) {
        return markingDefinitionId == null ? Optional.empty() : Optional.ofNullable(BY_MARKING.get(markingDefinitionId));
    }

    /** The most restrictive TLP level among the given marking references, if any is a TLP marking. */
    public static Optional<Tlp> strictest(Collection<String> markingRefs) {
        if (markingRefs == null) {
            return Optional.empty();
        }
        Tlp strictest = null;
        for (String ref : markingRefs) {
            Tlp level = ref == null ? null : BY_MARKING.get(ref);
            if (level != null && (strictest == null || level.compareTo(strictest) > 0)) {
                strictest = level;
            }
        }
        return Optional.ofNullable(strictest);
    }
}
