package org.certhub.intake;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Status resources, kept in Elasticsearch so that every hub instance can answer for any
 * submission. The intake records "pending" without waiting; the pipeline's "complete" replaces it,
 * and a late "pending" can never overwrite a "complete" (it is only ever created, never updated).
 */
@Component
public class StatusStore {

    private static final Logger log = LoggerFactory.getLogger(StatusStore.class);

    private final ElasticsearchClient client;
    private final ElasticsearchAsyncClient asyncClient;

    StatusStore(ElasticsearchClient client) {
        this.client = client;
        this.asyncClient = new ElasticsearchAsyncClient(client._transport());
    }

    void recordPending(SubmissionStatus status) {
        asyncClient.index(i -> i.index(SearchIndices.STATUS).id(status.id()).opType(OpType.Create).requireAlias(true)
                        .document(document(status)))
                .whenComplete((response, failure) -> {
                    if (failure != null && !String.valueOf(failure.getMessage()).contains("version_conflict")) {
                        log.warn("Could not record pending status {}: {}", status.id(), failure.toString());
                    }
                });
    }

    Optional<SubmissionStatus> find(String id) {
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(SearchIndices.STATUS).id(id), JsonNode.class);
            return found.found() && found.source() != null ? Optional.of(fromDocument(found.source())) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch is unavailable", e);
        }
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
