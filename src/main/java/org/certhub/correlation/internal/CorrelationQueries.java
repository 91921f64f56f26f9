package org.certhub.correlation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.search.SearchIndices;
import org.certhub.stix.observable.Observable;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads correlations for a caller. Every search is restricted to documents with at least one
 * member that carries the value and that the caller may see ({@link CorrelationSharing}); a
 * correlation where it sees none answers exactly as one that does not exist. The one exception is
 * {@link #sightings}: an address the caller asks about also finds the networks containing it that
 * the caller may not see, for a blind match ({@link CorrelationViews#blindMatch}).
 */
@Component
public class CorrelationQueries {

    private final ElasticsearchClient client;
    private final NetworkBreadth breadth;

    CorrelationQueries(ElasticsearchClient client, CorrelationProperties properties) {
        this.client = client;
        this.breadth = NetworkBreadth.of(properties);
    }

    /** How a listing is ordered. */
    public enum Sort {
        RECENT, SCORE
    }

    /**
     * The filters of a listing; absent means "any".
     *
     * @param value an observable value as pasted: matches the value itself and, for an address,
     *     the networks containing it (none broader than {@link NetworkBreadth} allows)
     * @param suppressed list only suppressed values (any member count) instead of correlations
     */
    public record Filter(Optional<String> cert, Optional<String> type, List<Observable> value, Optional<Integer> minCerts,
            Optional<Double> minScore, Optional<Instant> since, Optional<Instant> until, boolean suppressed) {
    }

    /** One page, and the sort values to continue after when there is more. */
    public record Page(List<Correlation> correlations, Optional<List<FieldValue>> next) {
    }

    /** The correlation with its members, if the caller may see any of them (its summary read in real time). */
    public Optional<Correlation> get(String id, Audience audience) {
        if (!SearchIndices.couldBeDocumentId(id)) {
            return Optional.empty();
        }
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(SearchIndices.CORRELATIONS).id(id), JsonNode.class);
            return found.found() && found.source() != null
                    ? Optional.of(CorrelationDocuments.fromJson(found.source())).filter(c -> CorrelationViews.visible(c, audience))
                            .map(c -> MemberReads.attach(client, List.of(c), true).get(0))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    public Page list(Filter filter, Sort sort, int limit, List<FieldValue> after, Audience audience) {
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(CorrelationSharing.visibleTo(audience));
            b.filter(f -> f.term(t -> t.field("suppressed").value(filter.suppressed())));
            if (!filter.suppressed()) {
                b.filter(f -> f.range(r -> r.number(n -> n.field("member_count").gte(2.0))));
            }
            filter.cert().ifPresent(cert -> b.filter(f -> f.term(t -> t.field("certs").value(cert))));
            filter.type().ifPresent(type -> b.filter(f -> f.term(t -> t.field("value_type").value(type))));
            if (!filter.value().isEmpty()) {
                b.filter(f -> f.bool(value -> value.minimumShouldMatch("1").should(ids(filter.value()))
                        .should(networksContaining(filter.value()))));
            }
            filter.minCerts().ifPresent(min -> b.filter(f -> f.range(r -> r.number(n -> n.field("cert_count").gte((double) min)))));
            filter.minScore().ifPresent(min -> b.filter(f -> f.range(r -> r.number(n -> n.field("score").gte(min)))));
            filter.since().ifPresent(since -> b.filter(f -> f.range(r -> r.date(d -> d.field("last_seen").gte(since.toString())))));
            filter.until().ifPresent(until -> b.filter(f -> f.range(r -> r.date(d -> d.field("last_seen").lt(until.toString())))));
            return b;
        }));
        try {
            SearchResponse<JsonNode> response = client.search(s -> {
                s.index(SearchIndices.CORRELATIONS).query(query).size(limit + 1).trackTotalHits(t -> t.enabled(false));
                if (sort == Sort.SCORE) {
                    s.sort(o -> o.field(f -> f.field("score").order(SortOrder.Desc)));
                }
                s.sort(o -> o.field(f -> f.field("last_seen").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (!after.isEmpty()) {
                    s.searchAfter(after);
                }
                return s;
            }, JsonNode.class);
            List<Hit<JsonNode>> hits = response.hits().hits();
            List<Correlation> page = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, hits.size()); i++) {
                page.add(CorrelationDocuments.fromJson(hits.get(i).source()));
            }
            Optional<List<FieldValue>> next = hits.size() > limit ? Optional.of(hits.get(limit - 1).sort()) : Optional.empty();
            return new Page(page, next);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    /**
     * Every correlation of the given values that the caller may see, and every network containing
     * one of the addresses among them (unless broader than {@link NetworkBreadth} allows), whether
     * the caller may see it or not, with their members: two searches, however many values. A
     * network the caller may not see must be answered as a blind match
     * ({@link CorrelationViews#blindMatch}), never shown.
     */
    public List<Correlation> sightings(List<Observable> values, Audience audience) {
        if (values.isEmpty()) {
            return List.of();
        }
        Query query = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.bool(equal -> equal.filter(ids(values)).filter(CorrelationSharing.visibleTo(audience))))
                .should(networksContaining(values))));
        try {
            return MemberReads.attach(client, client.search(s -> s.index(SearchIndices.CORRELATIONS).query(query)
                    .size(Math.min(10_000, values.size() * 4 + 100)).trackTotalHits(t -> t.enabled(false)), JsonNode.class)
                    .hits().hits().stream().filter(hit -> hit.source() != null)
                    .map(hit -> CorrelationDocuments.fromJson(hit.source()))
                    .filter(c -> !c.valueType().equals("cidr") || breadth.contains(c.value())
                            || CorrelationViews.visible(c, audience))
                    .toList(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    /** Whether {@code network} may be answered as containing an address: not broader than configured. */
    public boolean mayContain(String network) {
        return breadth.contains(network);
    }

    /** The documents of these values. */
    private static Query ids(List<Observable> values) {
        List<String> ids = values.stream().map(value -> Correlation.idOf(value.key())).toList();
        return Query.of(q -> q.ids(i -> i.values(ids)));
    }

    /**
     * The networks containing any of the addresses among the values, none broader than configured;
     * a network whose summary predates the recorded prefix length is left out.
     */
    private Query networksContaining(List<Observable> values) {
        List<FieldValue> ipv4 = addresses(values, "ipv4");
        List<FieldValue> ipv6 = addresses(values, "ipv6");
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        return Query.of(q -> q.bool(b -> {
            b.minimumShouldMatch("1");
            if (!ipv4.isEmpty()) {
                b.should(s -> s.bool(n -> n.filter(f -> f.terms(t -> t.field("cidr").terms(v -> v.value(ipv4))))
                        .filter(f -> f.range(r -> r.number(p -> p.field(CorrelationDocuments.CIDR_PREFIX)
                                .gte((double) breadth.minMappedPrefix(true)))))));
            }
            if (!ipv6.isEmpty()) {
                b.should(s -> s.bool(n -> n.filter(f -> f.terms(t -> t.field("cidr").terms(v -> v.value(ipv6))))
                        .filter(f -> f.range(r -> r.number(p -> p.field(CorrelationDocuments.CIDR_PREFIX)
                                .gte((double) breadth.minMappedPrefix(false)))))));
            }
            return b;
        }));
    }

    private static List<FieldValue> addresses(List<Observable> values, String type) {
        return values.stream().filter(v -> v.type().id().equals(type)).map(v -> FieldValue.of(v.value())).toList();
    }
}
