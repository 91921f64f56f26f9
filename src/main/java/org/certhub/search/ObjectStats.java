package org.certhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.ObjectBuilder;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Dashboard counts over the objects a caller may see, computed by Elasticsearch aggregations under
 * the {@link SharingFilter}: an object the caller may not see (another CERT's AMBER+STRICT or RED)
 * is never counted, so a count cannot reveal that it exists.
 */
@Component
public class ObjectStats {

    /** At most this many CERTs per day and techniques are answered. */
    static final int MAX_BUCKETS = 100;

    private final ElasticsearchClient client;

    ObjectStats(ElasticsearchClient client) {
        this.client = client;
    }

    /** The incidents of one UTC calendar day, by owning CERT. */
    public record Day(LocalDate day, long total, Map<String, Long> byCert) {
    }

    /** An ATT&CK technique id, the objects naming it, and how many CERTs they come from. */
    public record Technique(String technique, long objects, long certs) {
    }

    /**
     * Incidents per CERT per UTC calendar day, by the day the incident was created ({@code created}),
     * in {@code [since, until)}; every day of the range is answered, days without incidents as 0.
     */
    public List<Day> incidentsPerDay(Instant since, Instant until, Optional<String> cert, Audience audience) {
        Query query = SharingFilter.restrict(Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("type").value("incident")));
            b.filter(range("created", since, until));
            cert.ifPresent(c -> b.filter(f -> f.term(t -> t.field("owner").value(c))));
            return b;
        })), audience);
        Aggregate days = aggregate(query, "days", a -> a.dateHistogram(d -> d.field("created")
                .calendarInterval(CalendarInterval.Day).timeZone("UTC").minDocCount(0)
                .extendedBounds(e -> e.min(FieldDateMath.of(v -> v.expr(day(since))))
                        .max(FieldDateMath.of(v -> v.expr(day(until.minusNanos(1))))))
                .format("yyyy-MM-dd"))
                .aggregations("certs", c -> c.terms(t -> t.field("owner").size(MAX_BUCKETS))));
        return days.dateHistogram().buckets().array().stream().map(bucket -> new Day(
                Instant.ofEpochMilli(bucket.key()).atZone(ZoneOffset.UTC).toLocalDate(), bucket.docCount(),
                counts(bucket.aggregations().get("certs").sterms().buckets().array()))).toList();
    }

    /**
     * The ATT&CK techniques named by the most visible objects (attack patterns and whatever else
     * carries a technique id) created in {@code [since, until)}.
     */
    public List<Technique> techniques(Instant since, Instant until, int top, Audience audience) {
        Query query = SharingFilter.restrict(Query.of(q -> q.bool(b -> b
                .filter(f -> f.exists(e -> e.field("observables.attack_technique")))
                .filter(range("created", since, until)))), audience);
        Aggregate techniques = aggregate(query, "techniques", a -> a.terms(t -> t.field("observables.attack_technique")
                .size(Math.min(top, MAX_BUCKETS)))
                .aggregations("certs", c -> c.cardinality(x -> x.field("owner"))));
        return techniques.sterms().buckets().array().stream().map(bucket -> new Technique(bucket.key().stringValue(),
                bucket.docCount(), bucket.aggregations().get("certs").cardinality().value())).toList();
    }

    private Aggregate aggregate(Query query, String name,
            Function<Aggregation.Builder, ObjectBuilder<Aggregation>> aggregation) {
        try {
            return client.search(s -> s.index(SearchIndices.OBJECTS).size(0).query(query).trackTotalHits(t -> t.enabled(false))
                    .aggregations(name, aggregation), JsonNode.class).aggregations().get(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static Query range(String field, Instant since, Instant until) {
        return Query.of(f -> f.range(r -> r.date(d -> d.field(field).gte(since.toString()).lt(until.toString()))));
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Map<String, Long> counts(List<StringTermsBucket> buckets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }
}
