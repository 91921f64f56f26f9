package org.certhub.intake;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Status resources, kept in Elasticsearch so that every hub instance can answer for any
 * submission. The intake records "pending" without waiting, batched (one bulk request every
 * {@value #FLUSH_MILLIS} ms rather than one request, and one translog sync, per submission); the
 * pipeline's "complete" replaces it, and a late "pending" can never overwrite a "complete" (it is
 * only ever created, never updated).
 */
@Component
public class StatusStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StatusStore.class);
    private static final long FLUSH_MILLIS = 100;

    private final ElasticsearchClient client;
    private final BulkIngester<String> pending;

    StatusStore(ElasticsearchClient client) {
        this.client = client;
        this.pending = BulkIngester.of(b -> b.client(new ElasticsearchAsyncClient(client._transport()))
                .maxOperations(2000).flushInterval(FLUSH_MILLIS, TimeUnit.MILLISECONDS).maxConcurrentRequests(2)
                .globalSettings(g -> g.requireAlias(true)).listener(new PendingStatusListener()));
    }

    void recordPending(SubmissionStatus status) {
        pending.add(op -> op.create(c -> c.index(SearchIndices.STATUS).id(status.id()).document(document(status))),
                status.id());
    }

    @Override
    public void destroy() {
        pending.close();
    }

    /** A pending status that could not be recorded is not lost: the pipeline writes the final one. */
    private static final class PendingStatusListener implements BulkListener<String> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<String> ids) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> ids, BulkResponse response) {
            long failed = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != 409).count();
            if (failed > 0) {
                log.warn("Could not record {} of {} pending statuses", failed, ids.size());
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> ids, Throwable failure) {
            log.warn("Could not record {} pending statuses: {}", ids.size(), failure.toString());
        }
    }

    /** The status of a submission, whoever made it: callers check {@link SubmissionStatus#owner()}. */
    public Optional<SubmissionStatus> find(String id) {
        if (!SearchIndices.couldBeDocumentId(id)) {
            return Optional.empty();
        }
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
