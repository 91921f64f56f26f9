package org.certhub.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The status resource as the API answers it, with the TAXII 2.1 member names. */
record StatusResource(
        String id,
        String status,
        @JsonProperty("request_timestamp") String requestTimestamp,
        @JsonProperty("total_count") int totalCount,
        @JsonProperty("success_count") int successCount,
        @JsonProperty("failure_count") int failureCount,
        @JsonProperty("pending_count") int pendingCount,
        List<Outcome> successes,
        List<Outcome> failures) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(String id, String version, String message) {
    }

    static StatusResource of(SubmissionStatus status) {
        return new StatusResource(status.id(), status.status(), status.requestTimestamp().toString(),
                status.totalCount(), status.successCount(), status.failureCount(), status.pendingCount(),
                outcomes(status.successes()), outcomes(status.failures()));
    }

    private static List<Outcome> outcomes(List<SubmissionStatus.ObjectOutcome> outcomes) {
        return outcomes.stream().map(o -> new Outcome(o.id(), o.version(), o.message())).toList();
    }
}
