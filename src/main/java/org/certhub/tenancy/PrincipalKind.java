package org.certhub.tenancy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of member of the community a principal is; JSON names are lower case. */
public enum PrincipalKind {
    /** A national CERT: submits incidents, a community member by default. */
    CERT("cert"),
    /** A partner system consuming the feed: not a member unless configured as one. */
    PARTNER("partner"),
    /** An operator of the hub itself: administers the community, is not a CERT. */
    ADMIN("admin");

    private final String jsonName;

    PrincipalKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in JSON and configuration, e.g. {@code cert}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The kind with this JSON name, if any. */
    public static Optional<PrincipalKind> fromJsonName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }
}
