package org.certhub.playbook.internal;

import java.time.Instant;

/**
 * The hub-side status of an incident or correlation: what a playbook's {@code set-status} step set
 * last, and which run set it.
 *
 * @param subjectId the incident's STIX id or the correlation's id
 * @param status the status the step names, e.g. {@code contained}
 * @param runId the run whose step set it
 * @param updatedAt when
 */
public record SubjectStatus(String subjectId, String status, String runId, Instant updatedAt) {
}
