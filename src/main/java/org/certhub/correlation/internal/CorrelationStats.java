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
import co.elastic.clients.util.NamedValue;
import org.certhub.search.SearchIndices;
import org.certhub.search.SharingFilter;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Dashboard figures over the correlations a caller may see, in one aggregation request: the most
 * widely shared values, correlations per type and per CERT, the ATT&CK techniques seen by most
 * incidents, and correlations active per day.
 */
@Component
public class CorrelationStats {

    private static final int TOP = 10;

    private final ElasticsearchClient client;

    CorrelationStats(ElasticsearchClient client) {
        this.client = client;
    }

    public Map<String, Object> since(Instant since, Audience audience) {
        Query query = Query.of(q -> q.bool(b -> b
                .filter(SharingFilter.visibleTo(audience, "members.owner", "members.tlp"))
                .filter(f -> f.term(t -> t.field("suppressed").value(false)))
                .filter(f -> f.range(r -> r.number(n -> n.field("member_count").gte(2.0))))
                .filter(f -> f.range(r -> r.date(d -> d.field("last_seen").gte(since.toString()))))));
        try {
            SearchResponse<JsonNode> response = client.search(s -> s.index(SearchIndices.CORRELATIONS).query(query).size(0)
                    .aggregations("by_type", a -> a.terms(t -> t.field("value_type").size(50)))
                    .aggregations("by_cert", a -> a.terms(t -> t.field("certs").size(100)))
                    .aggregations("top_values", a -> a.terms(t -> t.field("id").size(TOP)
                                    .order(List.of(NamedValue.of("members", SortOrder.Desc))))
                            .aggregations("members", m -> m.max(x -> x.field("member_count")))
                            .aggregations("value", v -> v.terms(t -> t.field("value").size(1)))
                            .aggregations("type", v -> v.terms(t -> t.field("value_type").size(1))))
                    .aggregations("techniques", a -> a.filter(f -> f.term(t -> t.field("value_type").value("attack-technique")))
                            .aggregations("top", t -> t.terms(x -> x.field("value").size(TOP)
                                            .order(List.of(NamedValue.of("members", SortOrder.Desc))))
                                    .aggregations("members", m -> m.max(x -> x.field("member_count")))))
                    .aggregations("per_day", a -> a.dateHistogram(d -> d.field("last_seen").calendarInterval(CalendarInterval.Day))),
                    JsonNode.class);
            Map<String, Aggregate> aggregations = response.aggregations();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("since", since.toString());
            stats.put("by_type", counts(aggregations.get("by_type")));
            stats.put("by_cert", counts(aggregations.get("by_cert")));
            stats.put("top_values", aggregations.get("top_values").sterms().buckets().array().stream().map(bucket -> Map.of(
                    "id", bucket.key().stringValue(),
                    "value_type", firstKey(bucket.aggregations().get("type")),
                    "value", firstKey(bucket.aggregations().get("value")),
                    "member_count", Math.round(bucket.aggregations().get("members").max().value()))).toList());
            stats.put("techniques", aggregations.get("techniques").filter().aggregations().get("top").sterms().buckets().array()
                    .stream().map(bucket -> Map.of("technique", bucket.key().stringValue(),
                            "member_count", Math.round(bucket.aggregations().get("members").max().value()))).toList());
            stats.put("per_day", aggregations.get("per_day").dateHistogram().buckets().array().stream()
                    .map(bucket -> Map.of("day", Instant.ofEpochMilli(bucket.key()).toString(), "correlations", bucket.docCount()))
                    .toList());
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    private static String firstKey(Aggregate terms) {
        return terms.sterms().buckets().array().stream().findFirst().map(b -> b.key().stringValue()).orElse("");
    }
}
