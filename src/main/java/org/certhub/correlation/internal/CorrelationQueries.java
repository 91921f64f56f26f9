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
import org.certhub.search.SearchIndices;
import org.certhub.search.SharingFilter;
import org.certhub.stix.observable.Observable;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads correlations for a caller. Every search is restricted to documents with at least one
 * member the caller may see ({@link SharingFilter} over the members' owners and levels); a
 * correlation where it sees none answers exactly as one that does not exist.
 */
@Component
public class CorrelationQueries {

    private final ElasticsearchClient client;

    CorrelationQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /** How a listing is ordered. */
    public enum Sort {
        RECENT, SCORE
    }

    /**
     * The filters of a listing; absent means "any".
     *
     * @param value an observable value as pasted: matches the value itself and, for an address,
     *     the networks containing it
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
            b.filter(SharingFilter.visibleTo(audience, "member_owners", "member_tlps"));
            b.filter(f -> f.term(t -> t.field("suppressed").value(filter.suppressed())));
            if (!filter.suppressed()) {
                b.filter(f -> f.range(r -> r.number(n -> n.field("member_count").gte(2.0))));
            }
            filter.cert().ifPresent(cert -> b.filter(f -> f.term(t -> t.field("certs").value(cert))));
            filter.type().ifPresent(type -> b.filter(f -> f.term(t -> t.field("value_type").value(type))));
            if (!filter.value().isEmpty()) {
                b.filter(matching(filter.value()));
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
     * Every correlation of the given values, and of the networks containing any of the addresses
     * among them, that the caller may see, with their members: two searches, however many values.
     */
    public List<Correlation> sightings(List<Observable> values, Audience audience) {
        if (values.isEmpty()) {
            return List.of();
        }
        Query query = Query.of(q -> q.bool(b -> b.filter(matching(values))
                .filter(SharingFilter.visibleTo(audience, "member_owners", "member_tlps"))));
        try {
            return MemberReads.attach(client, client.search(s -> s.index(SearchIndices.CORRELATIONS).query(query)
                    .size(Math.min(10_000, values.size() * 4 + 100)).trackTotalHits(t -> t.enabled(false)), JsonNode.class)
                    .hits().hits().stream().filter(hit -> hit.source() != null)
                    .map(hit -> CorrelationDocuments.fromJson(hit.source())).toList(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    /** The documents of these values, and for addresses also the networks that contain them. */
    private static Query matching(List<Observable> values) {
        List<String> ids = values.stream().map(value -> Correlation.idOf(value.key())).toList();
        List<FieldValue> addresses = values.stream().filter(v -> v.type().id().equals("ipv4") || v.type().id().equals("ipv6"))
                .map(v -> FieldValue.of(v.value())).toList();
        return Query.of(q -> q.bool(b -> {
            b.minimumShouldMatch("1").should(s -> s.ids(i -> i.values(ids)));
            if (!addresses.isEmpty()) {
                b.should(s -> s.terms(t -> t.field("cidr").terms(v -> v.value(addresses))));
            }
            return b;
        }));
    }
}
