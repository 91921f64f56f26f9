package org.certhub.intake;

import java.time.Instant;
import java.util.List;

/**
 * A submission's progress, with the TAXII 2.1 status resource's members.
 *
 * @param id the status id (the submission id)
 * @param owner the submitting principal; only it may read the status
 * @param bundleId the submitted bundle's id
 * @param status {@code pending} until every object is indexed or failed, then {@code complete}
 * @param requestTimestamp when the hub accepted the submission
 */
public record SubmissionStatus(String id, String owner, String bundleId, String status, Instant requestTimestamp,
        int totalCount, int successCount, int failureCount, int pendingCount,
        List<ObjectOutcome> successes, List<ObjectOutcome> failures) {

    public static final String PENDING = "pending";
    public static final String COMPLETE = "complete";

    /** One object's outcome; {@code message} says why it failed. */
    public record ObjectOutcome(String id, String version, String message) {
    }

    static SubmissionStatus pending(String id, String owner, String bundleId, Instant received, int total) {
        return new SubmissionStatus(id, owner, bundleId, PENDING, received, total, 0, 0, total, List.of(), List.of());
    }

    /** The outcome once the pipeline has indexed what it could of the bundle. */
    public static SubmissionStatus complete(BundleAccepted bundle, List<ObjectOutcome> successes,
            List<ObjectOutcome> failures) {
        int total = bundle.objectCount();
        return new SubmissionStatus(bundle.submissionId(), bundle.owner(), bundle.bundleId(), COMPLETE,
                bundle.receivedAt(), total, successes.size(), failures.size(),
                Math.max(0, total - successes.size() - failures.size()), successes, failures);
    }
}
