package org.certhub.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.search.SearchIndices;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Removes an owner's deleted copy of an object from the object indices: its current document and
 * every version document received at or before the deletion. A version received later is a new
 * submission and stays. Idempotent: removing what is gone changes nothing.
 */
@Component
class IndexedCopies {

    private final ElasticsearchClient client;

    IndexedCopies(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @return how many documents were removed
     * @throws TransientIndexingException when Elasticsearch refused a removal, or the current version
     *     changed meanwhile (the caller retries)
     */
    int remove(String owner, String stixId, Instant deletedAt) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int removals = 0;
        String currentId = ObjectDocuments.currentId(owner, stixId);
        Optional<GetResponse<JsonNode>> current = currentVersionDeleted(currentId, deletedAt);
        if (current.isPresent()) {
            // Conditional on the document read: a newer version written meanwhile makes this fail,
            // and the retry looks again.
            bulk.operations(op -> op.delete(d -> d.index(SearchIndices.OBJECTS).id(currentId)
                    .ifSeqNo(current.get().seqNo()).ifPrimaryTerm(current.get().primaryTerm())));
            removals++;
        }
        // The search sees only refreshed documents: without this, a version the indexer wrote a moment
        // ago would survive its object's deletion. Deletions are rare; the refresh is cheap.
        client.indices().refresh(r -> r.index(SearchIndices.OBJECT_VERSIONS));
        List<Hit<Void>> versions = client.search(s -> s.index(SearchIndices.OBJECT_VERSIONS).size(10_000)
                .source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("owner").value(owner)))
                        .filter(f -> f.term(t -> t.field("stix_id").value(stixId)))
                        .filter(f -> f.range(r -> r.date(d -> d.field("received_at").lte(deletedAt.toString())))))),
                Void.class).hits().hits();
        for (Hit<Void> version : versions) {
            bulk.operations(op -> op.delete(d -> d.index(version.index()).id(version.id())));
            removals++;
        }
        if (removals == 0) {
            return 0;
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.items().stream().anyMatch(item -> item.error() != null && item.status() != 404)) {
            throw new TransientIndexingException("Elasticsearch refused to remove a copy of " + stixId
                    + ", or a newer version arrived meanwhile");
        }
        return removals;
    }

    /** The current document, when it was received at or before the deletion. */
    private Optional<GetResponse<JsonNode>> currentVersionDeleted(String currentId, Instant deletedAt) throws IOException {
        GetResponse<JsonNode> found = client.get(g -> g.index(SearchIndices.OBJECTS).id(currentId)
                .sourceIncludes("received_at"), JsonNode.class);
        if (!found.found() || found.source() == null) {
            return Optional.empty();
        }
        String receivedAt = found.source().path("received_at").asString("");
        boolean deletedVersion = receivedAt.isEmpty() || !Instant.parse(receivedAt).isAfter(deletedAt);
        return deletedVersion ? Optional.of(found) : Optional.empty();
    }
}
