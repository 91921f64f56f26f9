package org.certhub.playbook.internal;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a run is. */
public enum RunStatus {
    /** Running its steps. */
    RUNNING,
    /** Waiting for an acknowledgement or its deadline. */
    WAITING,
    /** Every step done (escalated or not). */
    COMPLETED;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<RunStatus> fromJsonName(String name) {
        for (RunStatus status : values()) {
            if (status.jsonName().equals(name)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
