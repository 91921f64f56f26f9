package org.certhub.playbook.internal;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a run is about. */
public enum SubjectKind {
    INCIDENT, CORRELATION;

    /** The name as YAML, the API and the messages write it: {@code incident}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubjectKind fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
