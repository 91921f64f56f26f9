package org.certhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads objects for a caller, always through the {@link SharingFilter}: an object the caller may
 * not see is answered exactly as one that does not exist.
 */
@Component
public class ObjectQueries {

    private final ElasticsearchClient client;

    ObjectQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The current version of an object: the caller's own copy when it holds one (read in real time,
     * so a CERT reads its submission as soon as its status is complete), else the most recently
     * shared copy it may see.
     */
    public Optional<StoredObject> current(String stixId, Audience audience) {
        return ownCopy(stixId, audience).or(() -> search(List.of(SearchIndices.OBJECTS),
                Query.of(q -> q.term(t -> t.field("stix_id").value(stixId))), audience, 1, List.of(), Order.SHARED)
                .stream().findFirst());
    }

    private Optional<StoredObject> ownCopy(String stixId, Audience audience) {
        if (!SearchIndices.couldBeDocumentId(audience.principalId() + "/" + stixId)) {
            return Optional.empty();
        }
        try {
            GetResponse<JsonNode> own = client.get(g -> g.index(SearchIndices.OBJECTS)
                    .id(audience.principalId() + "/" + stixId), JsonNode.class);
            return own.found() && own.source() != null ? Optional.of(StoredObject.fromSource(own.source())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    /**
     * Every visible version of an object, newest first: current versions from the objects index,
     * former ones from the version index (where an earlier release also kept current ones: each
     * version is listed once).
     */
    public List<StoredObject> versions(String stixId, Audience audience) {
        List<StoredObject> found = search(List.of(SearchIndices.OBJECTS, SearchIndices.OBJECT_VERSIONS),
                Query.of(q -> q.term(t -> t.field("stix_id").value(stixId))), audience, 1000, List.of(), Order.MODIFIED);
        Map<String, StoredObject> once = new LinkedHashMap<>();
        for (StoredObject version : found) {
            JsonNode object = version.object();
            once.putIfAbsent(version.owner() + "@" + object.path("modified").asString(object.path("created").asString("")),
                    version);
        }
        return List.copyOf(once.values());
    }

    /** The sort values of a listing by time shared (time, owner, STIX id), and by relevance (score first). */
    private static final List<SortCursor.Kind> BY_SHARED = List.of(SortCursor.Kind.LONG, SortCursor.Kind.STRING,
            SortCursor.Kind.STRING);
    private static final List<SortCursor.Kind> BY_RELEVANCE = List.of(SortCursor.Kind.DOUBLE, SortCursor.Kind.LONG,
            SortCursor.Kind.STRING, SortCursor.Kind.STRING);

    /** One page of current objects matching the filter, newest shared first. */
    public ObjectPage list(ObjectFilter filter, int limit, Optional<String> cursor, Audience audience) {
        boolean byRelevance = filter.text().isPresent();
        List<FieldValue> after = cursor.map(c -> SortCursor.decode(c, byRelevance ? "relevance" : "shared", byRelevance ? BY_RELEVANCE : BY_SHARED)
                .orElseThrow(() -> new IllegalArgumentException("invalid cursor"))).orElse(List.of());
        List<Hit<JsonNode>> hits = hits(List.of(SearchIndices.OBJECTS), query(filter), audience, limit + 1, after,
                byRelevance ? Order.RELEVANCE : Order.SHARED);
        List<StoredObject> objects = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            objects.add(StoredObject.fromSource(hits.get(i).source()));
        }
        Optional<String> next = hits.size() > limit
                ? Optional.of(SortCursor.encode(byRelevance ? "relevance" : "shared", hits.get(limit - 1).sort())) : Optional.empty();
        return new ObjectPage(objects, next);
    }

    private static Query query(ObjectFilter filter) {
        return Query.of(q -> q.bool(b -> {
            b.must(m -> m.matchAll(a -> a));
            if (!filter.types().isEmpty()) {
                b.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(
                        filter.types().stream().map(FieldValue::of).toList()))));
            }
            filter.cert().ifPresent(cert -> b.filter(f -> f.term(t -> t.field("owner").value(cert))));
            filter.value().ifPresent(value -> b.filter(ObservableQuery.matching(value)));
            filter.text().ifPresent(text -> b.must(TextQuery.of(text)));
            filter.since().ifPresent(since -> b.filter(f -> f.range(r -> r.date(d -> d.field("received_at")
                    .gte(since.toString())))));
            filter.until().ifPresent(until -> b.filter(f -> f.range(r -> r.date(d -> d.field("received_at")
                    .lt(until.toString())))));
            return b;
        }));
    }

    /** Newest shared first; best text match first (then newest shared); newest version first. */
    private enum Order {
        SHARED, RELEVANCE, MODIFIED
    }

    private List<StoredObject> search(List<String> indices, Query query, Audience audience, int size,
            List<FieldValue> after, Order order) {
        return hits(indices, query, audience, size, after, order).stream()
                .map(hit -> StoredObject.fromSource(hit.source())).toList();
    }

    private List<Hit<JsonNode>> hits(List<String> indices, Query query, Audience audience, int size,
            List<FieldValue> after, Order order) {
        try {
            SearchResponse<JsonNode> response = client.search(s -> {
                // Only what a reader gets back: the derived search fields would double what is read and parsed.
                s.index(indices).size(size).query(SharingFilter.restrict(query, audience)).trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(StoredObject.SOURCE_FIELDS)));
                if (order == Order.MODIFIED) {
                    s.sort(o -> o.field(f -> f.field("modified").order(SortOrder.Desc).missing("_last")));
                } else {
                    if (order == Order.RELEVANCE) {
                        s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                    }
                    s.sort(o -> o.field(f -> f.field("received_at").order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("owner").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("stix_id").order(SortOrder.Asc)));
                }
                if (!after.isEmpty()) {
                    s.searchAfter(after);
                }
                return s;
            }, JsonNode.class);
            return response.hits().hits();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }
}
