package org.certhub.search;

import java.util.List;

/**
 * The hub's indices, addressed through aliases so that a new mapping version ({@code -v2}) can be
 * filled by replaying Kafka and switched to without touching any caller.
 */
public final class SearchIndices {

    /** The current version of every object, one document per (owner, STIX id). */
    public static final String OBJECTS = "certhub-objects";
    /** The versions that are not current, one document per (owner, STIX id, modified). */
    public static final String OBJECT_VERSIONS = "certhub-object-versions";
    /** Submission status resources (TAXII status semantics). */
    public static final String STATUS = "certhub-status";

    /** One summary document per observable value: its sightings (members) counted, and whether they correlate. */
    public static final String CORRELATIONS = "certhub-correlations";
    /** One document per member of a correlation (an incident or report of one CERT that carries the value). */
    public static final String CORRELATION_MEMBERS = "certhub-correlation-members";

    /** One document per blind reveal: (viewer, owner, value, UTC day), whether it was withheld. */
    public static final String BLIND_MATCHES = "certhub-blind-matches";

    /** One document per playbook run: its state and timeline. */
    public static final String PLAYBOOK_RUNS = "certhub-playbook-runs";
    /** The hub-side status of incidents and correlations, as playbooks set it. */
    public static final String SUBJECT_STATUS = "certhub-subject-status";
    /** One document per notification: its request, each channel's delivery and its acknowledgement. */
    public static final String NOTIFICATIONS = "certhub-notifications";

    static final List<String> ALL = List.of(OBJECTS, OBJECT_VERSIONS, STATUS, CORRELATIONS, CORRELATION_MEMBERS, PLAYBOOK_RUNS, SUBJECT_STATUS,
            NOTIFICATIONS, BLIND_MATCHES);
    static final String FIRST_VERSION_SUFFIX = "-v1";

    /** Elasticsearch refuses a document id longer than this many bytes (UTF-8). */
    private static final int MAX_ID_BYTES = 512;

    private SearchIndices() {
    }

    /**
     * Whether a document could have this id. A lookup of one that could not finds nothing, and is
     * not sent: a long enough id makes Elasticsearch refuse the request line itself.
     */
    public static boolean couldBeDocumentId(String id) {
        return id.length() <= MAX_ID_BYTES && id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
    }
}
