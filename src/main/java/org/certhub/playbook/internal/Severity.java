package org.certhub.playbook.internal;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How bad an incident is, from the STIX incident-core {@code criticality} (0 to 100): the bands a
 * trigger's {@code min-severity} compares with.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity ofCriticality(int criticality) {
        if (criticality >= 90) {
            return CRITICAL;
        }
        if (criticality >= 70) {
            return HIGH;
        }
        return criticality >= 40 ? MEDIUM : LOW;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
