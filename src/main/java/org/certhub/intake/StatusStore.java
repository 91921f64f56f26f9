package org.certhub.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.certhub.search.SearchIndices;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Status resources, kept in Elasticsearch so that every hub instance can answer for any
 * submission. The intake records "pending" without waiting ({@link PendingStatuses}); the
 * pipeline's "complete" replaces it. A read waits for Elasticsearch at most
 * {@code certhub.intake.status-read-timeout}: past it, or with Elasticsearch down, this instance
 * answers the pending statuses it recorded itself from memory, and for any other a 503 that says to
 * retry, never a freeze.
 */
@Component
public class StatusStore implements DisposableBean {

    private final ElasticsearchAsyncClient client;
    private final PendingStatuses pending;
    private final Duration readTimeout;

    StatusStore(ElasticsearchClient client, IntakeProperties properties) {
        this.client = new ElasticsearchAsyncClient(client._transport());
        this.pending = new PendingStatuses(client, properties.pendingStatusQueue(), properties.pendingStatusMemory());
        this.readTimeout = properties.statusReadTimeout();
    }

    void recordPending(SubmissionStatus status) {
        pending.record(status);
    }

    @Override
    public void destroy() {
        pending.close();
    }

    /**
     * The status of a submission, whoever made it: callers check {@link SubmissionStatus#owner()}.
     *
     * @throws ProblemException 503 when Elasticsearch does not answer in time and this instance
     *     does not remember the submission
     */
    public Optional<SubmissionStatus> find(String id) {
        if (!SearchIndices.couldBeDocumentId(id)) {
            return Optional.empty();
        }
        CompletableFuture<GetResponse<JsonNode>> read = client.get(g -> g.index(SearchIndices.STATUS).id(id), JsonNode.class);
        try {
            GetResponse<JsonNode> found = read.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return found.found() && found.source() != null ? Optional.of(fromDocument(found.source())) : pending.find(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending.find(id).or(StatusStore::unavailable);
        } catch (ExecutionException | TimeoutException e) {
            read.cancel(true);
            return pending.find(id).or(StatusStore::unavailable);
        }
    }

    private static <T> Optional<T> unavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        throw new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Temporarily unavailable", "The status store did not answer in time; the submission is not lost. Retry later."),
                headers);
    }

    /** The status as stored in the status index (snake_case, as TAXII names the members). */
    public static Map<String, Object> document(SubmissionStatus status) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", status.id());
        document.put("owner", status.owner());
        document.put("bundle_id", status.bundleId());
        document.put("status", status.status());
        document.put("request_timestamp", status.requestTimestamp().toString());
        document.put("total_count", status.totalCount());
        document.put("success_count", status.successCount());
        document.put("failure_count", status.failureCount());
        document.put("pending_count", status.pendingCount());
        document.put("successes", outcomes(status.successes()));
        document.put("failures", outcomes(status.failures()));
        return document;
    }

    private static List<Map<String, Object>> outcomes(List<SubmissionStatus.ObjectOutcome> outcomes) {
        List<Map<String, Object>> list = new ArrayList<>(outcomes.size());
        for (SubmissionStatus.ObjectOutcome outcome : outcomes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", outcome.id());
            entry.put("version", outcome.version());
            if (outcome.message() != null) {
                entry.put("message", outcome.message());
            }
            list.add(entry);
        }
        return list;
    }

    private static SubmissionStatus fromDocument(JsonNode doc) {
        return new SubmissionStatus(doc.path("id").asString(), doc.path("owner").asString(),
                doc.path("bundle_id").asString(), doc.path("status").asString(),
                Instant.parse(doc.path("request_timestamp").asString()), doc.path("total_count").asInt(),
                doc.path("success_count").asInt(), doc.path("failure_count").asInt(),
                doc.path("pending_count").asInt(), outcomesOf(doc.path("successes")), outcomesOf(doc.path("failures")));
    }

    private static List<SubmissionStatus.ObjectOutcome> outcomesOf(JsonNode array) {
        List<SubmissionStatus.ObjectOutcome> outcomes = new ArrayList<>();
        array.forEach(entry -> outcomes.add(new SubmissionStatus.ObjectOutcome(entry.path("id").asString(),
                entry.path("version").asString(), entry.path("message").isMissingNode() ? null
                        : entry.path("message").asString())));
        return outcomes;
    }
}
