package org.certhub.correlation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.certhub.search.SearchIndices;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Dashboard figures over the correlations a caller may see (at least one member that carries the
 * value and that it may see, as in {@code GET /api/v1/correlations}), active in a time range, in one request: the most widely
 * shared values (each with the members the caller may see and the restricted ones it is only told
 * of, as a blind match), and correlations per type, per CERT and per UTC day.
 */
@Component
public class CorrelationStats {

    private final ElasticsearchClient client;

    CorrelationStats(ElasticsearchClient client) {
        this.client = client;
    }

    public Map<String, Object> between(Instant since, Instant until, int top, Audience audience) {
        Query query = Query.of(q -> q.bool(b -> b
                .filter(CorrelationSharing.visibleTo(audience))
                .filter(f -> f.term(t -> t.field("suppressed").value(false)))
                .filter(f -> f.range(r -> r.number(n -> n.field("member_count").gte(2.0))))
                .filter(f -> f.range(r -> r.date(d -> d.field("last_seen").gte(since.toString()).lt(until.toString()))))));
        try {
            SearchResponse<JsonNode> response = client.search(s -> s.index(SearchIndices.CORRELATIONS).query(query).size(top)
                    .trackTotalHits(t -> t.enabled(false))
                    .sort(o -> o.field(f -> f.field("member_count").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("cert_count").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                    .aggregations("by_type", a -> a.terms(t -> t.field("value_type").size(50)))
                    .aggregations("by_cert", a -> a.terms(t -> t.field("certs").size(100)))
                    .aggregations("per_day", a -> a.dateHistogram(d -> d.field("last_seen").calendarInterval(CalendarInterval.Day)
                            .timeZone("UTC").format("yyyy-MM-dd"))),
                    JsonNode.class);
            Map<String, Aggregate> aggregations = response.aggregations();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("top_observables", response.hits().hits().stream().filter(hit -> hit.source() != null)
                    .map(hit -> topObservable(CorrelationDocuments.fromJson(hit.source()), audience)).toList());
            stats.put("by_type", counts(aggregations.get("by_type")));
            stats.put("by_cert", counts(aggregations.get("by_cert")));
            stats.put("per_day", aggregations.get("per_day").dateHistogram().buckets().array().stream()
                    .map(bucket -> Map.of("day", bucket.keyAsString(), "correlations", bucket.docCount())).toList());
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static Map<String, Object> topObservable(Correlation correlation, Audience audience) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", correlation.id());
        view.put("value_type", correlation.valueType());
        view.put("value", correlation.value());
        view.put("member_count", correlation.memberCount());
        view.put("restricted_member_count", CorrelationViews.restricted(correlation, audience).stream()
                .mapToInt(Group::members).sum());
        view.put("certs", correlation.certs());
        return view;
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }
}
