package org.certhub.feed.taxii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.certhub.search.SearchIndices;
import org.certhub.search.SharingFilter;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads a collection's object versions in TAXII order: by date added, then STIX id, owner and
 * version, continuing after the last page's sort values ({@code search_after}), so every page costs
 * one query whatever its number. Current versions come from the objects index, former ones from
 * the version index (where an earlier release kept current ones too: a version found in both is
 * listed once); every query is restricted by the collection's scope and the caller's sharing filter.
 */
@Component
class CollectionStore {

    private static final String OBJECTS_INDEX_PREFIX = SearchIndices.OBJECTS + "-v";

    private final ElasticsearchClient client;
    private final Rest5Client rest;

    CollectionStore(ElasticsearchClient client, Rest5Client rest) {
        this.client = client;
        this.rest = rest;
    }

    /** One stored version as a page lists it; {@code object} is absent when only the manifest was asked. */
    record Entry(String stixId, String owner, String version, Instant dateAdded, Optional<byte[]> object,
            List<FieldValue> sort) {
    }

    record Page(List<Entry> entries, boolean more) {

        Optional<Entry> lastEntry() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        }
    }

    Page page(TaxiiCollection collection, Audience audience, ObjectSelection selection, int limit,
            List<FieldValue> after, boolean withObjects) {
        if (!selection.specVersionMatches()) {
            return new Page(List.of(), false);
        }
        List<String> indices = selection.currentOnly() ? List.of(SearchIndices.OBJECTS)
                : List.of(SearchIndices.OBJECTS, SearchIndices.OBJECT_VERSIONS);
        Query query = SharingFilter.restrict(Query.of(q -> q.bool(b -> filters(b, collection, selection))), audience);
        List<Entry> hits = search(indices, query, limit + 1, after, withObjects);
        List<Entry> entries = new ArrayList<>(Math.min(limit, hits.size()));
        Entry previous = null;
        for (int i = 0; i < hits.size() && entries.size() < limit; i++) {
            Entry entry = hits.get(i);
            // A version found in both indices (an earlier release kept current ones in both) is listed once.
            if (previous == null || !sameVersion(previous, entry)) {
                entries.add(entry);
            }
            previous = entry;
        }
        return new Page(entries, hits.size() > limit);
    }

    /** The owner's own current copy of an object, if it holds one (its TLP label and version). */
    Optional<JsonNode> ownCopy(String owner, String stixId) {
        if (!SearchIndices.couldBeDocumentId(owner + "/" + stixId)) {
            return Optional.empty();
        }
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(SearchIndices.OBJECTS).id(owner + "/" + stixId)
                    .sourceIncludes("tlp", "stix_id", "modified"), JsonNode.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static BoolQuery.Builder filters(BoolQuery.Builder b, TaxiiCollection collection, ObjectSelection selection) {
        b.filter(collection.contents());
        if (!selection.ids().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("stix_id").terms(v -> v.value(values(selection.ids())))));
        }
        if (!selection.types().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(values(selection.types())))));
        }
        selection.addedAfter().ifPresent(after -> b.filter(f -> f.range(r -> r.date(d -> d.field("date_added")
                .gt(after.toString())))));
        if (!selection.currentOnly() && !selection.all()) {
            b.filter(f -> f.bool(versions -> {
                versions.minimumShouldMatch("1");
                if (selection.last()) {
                    versions.should(s -> s.prefix(p -> p.field("_index").value(OBJECTS_INDEX_PREFIX)));
                }
                if (selection.first()) {
                    versions.should(s -> s.term(t -> t.field("first_version").value(true)));
                }
                if (!selection.versions().isEmpty()) {
                    versions.should(s -> s.terms(t -> t.field("modified").terms(v -> v.value(values(selection.versions())))));
                }
                return versions;
            }));
        }
        return b;
    }

    /**
     * The search as built with the client's builders (so the sharing filter is the same object every
     * read path uses), sent through the low-level client, and its answer streamed: the objects are
     * copied byte for byte into the page (no tree per object), which keeps a 1,000-object page cheap.
     */
    private List<Entry> search(List<String> indices, Query query, int size, List<FieldValue> after, boolean withObjects) {
        SearchRequest search = SearchRequest.of(s -> {
            s.size(size).query(query).trackTotalHits(t -> t.enabled(false))
                    .sort(o -> o.field(f -> f.field("date_added").order(SortOrder.Asc).missing("_first")))
                    .sort(o -> o.field(f -> f.field("stix_id").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("owner").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("modified").order(SortOrder.Asc).missing("_first")));
            if (!withObjects) {
                s.source(src -> src.filter(f -> f.excludes("object", "observables", "description")));
            }
            if (!after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        });
        // No filter_path: Elasticsearch would parse every stored _source again to filter the answer
        // (about a quarter of its CPU for a page of 1,000); the streaming reader skips what it does not need.
        Request request = new Request("POST", "/" + String.join(",", indices) + "/_search");
        request.setJsonEntity(JsonpUtils.toJsonString(search, client._jsonpMapper()));
        try {
            Response response = rest.performRequest(request);
            try (InputStream body = response.getEntity().getContent()) {
                return SearchHits.read(body, withObjects);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static boolean sameVersion(Entry a, Entry b) {
        return a.stixId().equals(b.stixId()) && a.owner().equals(b.owner()) && a.version().equals(b.version());
    }

    private static List<FieldValue> values(List<String> strings) {
        return strings.stream().map(FieldValue::of).toList();
    }
}
