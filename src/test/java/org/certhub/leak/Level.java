package org.certhub.leak;

import java.util.Optional;

/**
 * The TLP 2.0 levels as the test writes them into objects: their labels and the marking definition
 * ids DESIGN.md lists. The test's own copy, so that the oracle does not lean on production code.
 */
enum Level {
    CLEAR("TLP:CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("TLP:GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("TLP:AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("TLP:AMBER+STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("TLP:RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private final String label;
    private final String markingId;

    Level(String label, String markingId) {
        this.label = label;
        this.markingId = markingId;
    }

    String label() {
        return label;
    }

    String markingId() {
        return markingId;
    }

    static Optional<Level> ofLabel(String label) {
        for (Level level : values()) {
            if (level.label.equals(label)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
