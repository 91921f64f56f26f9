package org.certhub.playbook.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.certhub.search.SearchIndices;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run state and timelines in Elasticsearch, one document per run (id = run id). Only the consumer
 * that owns a run's partition writes it; readers filter by participant.
 */
@Component
public class RunStore {

    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX_WAITING = 10_000;

    private final ElasticsearchClient client;

    RunStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** The runs with these ids that exist. */
    public Map<String, Run> load(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        try {
            MgetResponse<JsonNode> response = client.mget(m -> m.index(SearchIndices.PLAYBOOK_RUNS).ids(List.copyOf(runIds)),
                    JsonNode.class);
            Map<String, Run> runs = new HashMap<>();
            for (MultiGetResponseItem<JsonNode> item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    runs.put(item.result().id(), fromJson(item.result().source()));
                }
            }
            return runs;
        } catch (IOException | RuntimeException e) {
            throw new TransientPlaybookException("Elasticsearch is unavailable", e);
        }
    }

    public Optional<Run> get(String runId) {
        return Optional.ofNullable(load(List.of(runId)).get(runId));
    }

    /** Writes the runs in one bulk request; any failed item fails the batch, which is then retried. */
    public void write(Collection<Run> runs, Map<String, String> statuses) {
        if (runs.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true);
        for (Run run : runs) {
            BinaryData document = BinaryData.of(JSON.writeValueAsBytes(run), ContentType.APPLICATION_JSON);
            bulk.operations(op -> op.index(i -> i.index(SearchIndices.PLAYBOOK_RUNS).id(run.runId()).document(document)));
            String status = statuses.get(run.runId());
            if (status != null) {
                ObjectNode doc = JSON.createObjectNode().put("subject_id", run.subject().id())
                        .put("subject_kind", run.subject().kind().jsonName()).put("status", status).put("run_id", run.runId())
                        .put("updated_at", run.updatedAt().toString());
                BinaryData statusDoc = BinaryData.of(JSON.writeValueAsBytes(doc), ContentType.APPLICATION_JSON);
                bulk.operations(op -> op.index(i -> i.index(SearchIndices.SUBJECT_STATUS).id(run.subject().id()).document(statusDoc)));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | RuntimeException e) {
            throw new TransientPlaybookException("Elasticsearch is unavailable", e);
        }
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    throw new TransientPlaybookException("Run " + item.id() + " not written (status " + item.status() + ")");
                }
            }
        }
    }

    /** The hub-side status a playbook set last on a subject, if any. */
    public Optional<SubjectStatus> subjectStatus(String subjectId) {
        try {
            var response = client.get(g -> g.index(SearchIndices.SUBJECT_STATUS).id(subjectId), JsonNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            JsonNode source = response.source();
            return Optional.of(new SubjectStatus(subjectId, source.path("status").asString(), source.path("run_id").asString(),
                    Instant.parse(source.path("updated_at").asString())));
        } catch (IOException | RuntimeException e) {
            throw new TransientPlaybookException("Elasticsearch is unavailable", e);
        }
    }

    /** Every run waiting for an acknowledgement on these partitions of the runs topic: their timers are re-armed on assignment. */
    public List<Run> waitingIn(String topic, Set<Integer> partitions) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        try {
            client.indices().refresh(r -> r.index(SearchIndices.PLAYBOOK_RUNS));
            List<FieldValue> values = partitions.stream().map(p -> FieldValue.of((long) p)).toList();
            SearchResponse<JsonNode> response = client.search(s -> s.index(SearchIndices.PLAYBOOK_RUNS).size(MAX_WAITING)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value(RunStatus.WAITING.jsonName())))
                            .filter(f -> f.term(t -> t.field("topic").value(topic)))
                            .filter(f -> f.terms(t -> t.field("partition").terms(v -> v.value(values)))))), JsonNode.class);
            return response.hits().hits().stream().filter(hit -> hit.source() != null).map(hit -> fromJson(hit.source())).toList();
        } catch (IOException | RuntimeException e) {
            throw new TransientPlaybookException("Elasticsearch is unavailable", e);
        }
    }

    /**
     * What a listing filters on; every filter is optional.
     *
     * @param participant the viewer's principal id (runs it was notified in or is affected by); empty for admins
     */
    public record Filter(Optional<String> participant, Optional<String> playbookId, Optional<String> subjectKind,
            Optional<String> subjectId, Optional<String> status) {
    }

    /** A page of runs, newest first, and the sort values to continue after. */
    public record Page(List<Run> runs, Optional<List<FieldValue>> next) {
    }

    public Page list(Filter filter, int limit, List<FieldValue> after) {
        Query query = Query.of(q -> q.bool(b -> {
            filter.participant().ifPresent(id -> b.filter(f -> f.term(t -> t.field("participants").value(id))));
            filter.playbookId().ifPresent(id -> b.filter(f -> f.term(t -> t.field("playbook_id").value(id))));
            filter.subjectKind().ifPresent(kind -> b.filter(f -> f.term(t -> t.field("subject.kind").value(kind))));
            filter.subjectId().ifPresent(id -> b.filter(f -> f.term(t -> t.field("subject.id").value(id))));
            filter.status().ifPresent(status -> b.filter(f -> f.term(t -> t.field("status").value(status))));
            return b;
        }));
        try {
            SearchResponse<JsonNode> response = client.search(s -> {
                s.index(SearchIndices.PLAYBOOK_RUNS).query(query).size(limit + 1).trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("run_id").order(SortOrder.Desc)));
                if (!after.isEmpty()) {
                    s.searchAfter(after);
                }
                return s;
            }, JsonNode.class);
            List<Hit<JsonNode>> hits = response.hits().hits();
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, hits.size()); i++) {
                runs.add(fromJson(hits.get(i).source()));
            }
            Optional<List<FieldValue>> next = hits.size() > limit ? Optional.of(hits.get(limit - 1).sort()) : Optional.empty();
            return new Page(runs, next);
        } catch (IOException | RuntimeException e) {
            throw new TransientPlaybookException("Elasticsearch is unavailable", e);
        }
    }

    static Run fromJson(JsonNode source) {
        return JSON.treeToValue(source, Run.class);
    }
}
