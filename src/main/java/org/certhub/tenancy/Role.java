package org.certhub.tenancy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a principal may do. JSON names are lower case ({@code feed-reader}). In Spring Security each
 * role is the authority {@code ROLE_<json name>} (e.g. {@code ROLE_feed-reader}), so URL rules say
 * {@code hasRole("feed-reader")} and method rules {@code @PreAuthorize("hasRole('admin')")}.
 */
public enum Role {
    /** Submits STIX bundles on behalf of its CERT. */
    SUBMITTER("submitter"),
    /** Searches objects and correlations, follows playbook runs, acknowledges notifications. */
    RESPONDER("responder"),
    /** Consumes the feed (TAXII collections, Kafka feed, webhooks). */
    FEED_READER("feed-reader"),
    /** Administers the community: principals and their keys. */
    ADMIN("admin");

    private final String jsonName;

    Role(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in JSON and in {@code hasRole(...)}, e.g. {@code feed-reader}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The Spring Security authority of this role: {@code ROLE_<json name>}. */
    public String authority() {
        return "ROLE_" + jsonName;
    }

    /** The role with this JSON name, if any. */
    public static Optional<Role> fromJsonName(String name) {
        return Arrays.stream(values()).filter(role -> role.jsonName.equals(name)).findFirst();
    }
}
