package org.certhub.search;

import java.util.List;

/**
 * The hub's indices, addressed through aliases so that a new mapping version ({@code -v2}) can be
 * filled by replaying Kafka and switched to without touching any caller.
 */
public final class SearchIndices {

    /** The current version of every object, one document per (owner, STIX id). */
    public static final String OBJECTS = "certhub-objects";
    /** Every version of every object, one document per (owner, STIX id, modified). */
    public static final String OBJECT_VERSIONS = "certhub-object-versions";
    /** Submission status resources (TAXII status semantics). */
    public static final String STATUS = "certhub-status";

    /** One document per observable value: its sightings (members), and whether they correlate. */
    public static final String CORRELATIONS = "certhub-correlations";

    /** One document per notification: its request, each channel's delivery and its acknowledgement. */
    public static final String NOTIFICATIONS = "certhub-notifications";

    static final List<String> ALL = List.of(OBJECTS, OBJECT_VERSIONS, STATUS, CORRELATIONS, NOTIFICATIONS);
    static final String FIRST_VERSION_SUFFIX = "-v1";

    private SearchIndices() {
    }
}
