package org.certhub.feed.taxii;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certhub.intake.SubmissionStatus;

/** The TAXII 2.1 status resource of a submission. */
final class TaxiiStatus {

    private TaxiiStatus() {
    }

    static Map<String, Object> of(SubmissionStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", status.id());
        body.put("status", status.status());
        body.put("request_timestamp", TaxiiTimestamps.format(status.requestTimestamp()));
        body.put("total_count", status.totalCount());
        body.put("success_count", status.successCount());
        body.put("successes", details(status.successes()));
        body.put("failure_count", status.failureCount());
        body.put("failures", details(status.failures()));
        body.put("pending_count", status.pendingCount());
        return body;
    }

    private static List<Map<String, Object>> details(List<SubmissionStatus.ObjectOutcome> outcomes) {
        return outcomes.stream().map(outcome -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("id", outcome.id());
            detail.put("version", outcome.version());
            if (outcome.message() != null) {
                detail.put("message", outcome.message());
            }
            return detail;
        }).toList();
    }
}
