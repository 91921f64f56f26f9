package org.certhub.correlation.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The correlation engine's reads and writes of the {@code certhub-correlations} index, each batch
 * in one round trip: one multi-get of every value the batch touches (real time, with the sequence
 * numbers that make the write conditional), at most one search per containment direction, and
 * one bulk write.
 */
@Component
public class CorrelationStore {

    private static final Logger log = LoggerFactory.getLogger(CorrelationStore.class);

    private final ElasticsearchClient client;
    private final Clock clock;

    CorrelationStore(ElasticsearchClient client) {
        this.client = client;
        this.clock = Clock.systemUTC();
    }

    /** A stored correlation and the version it was read at. */
    public record Stored(Correlation correlation, long seqNo, long primaryTerm) {
    }

    /** The stored correlations among {@code ids}, by id. */
    public Map<String, Stored> load(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            MgetResponse<JsonNode> response = client.mget(m -> m.index(SearchIndices.CORRELATIONS).ids(List.copyOf(ids)),
                    JsonNode.class);
            Map<String, Stored> found = new HashMap<>();
            for (MultiGetResponseItem<JsonNode> item : response.docs()) {
                if (item.isFailure()) {
                    throw new TransientCorrelationException("Could not read correlation " + item.failure().id()
                            + ": " + item.failure().error().type());
                }
                GetResult<JsonNode> result = item.result();
                if (result.found() && result.source() != null) {
                    found.put(result.id(), new Stored(CorrelationDocuments.fromJson(result.source()),
                            result.seqNo(), result.primaryTerm()));
                }
            }
            return found;
        } catch (IOException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
    }

    /** Networks sighted so far that contain any of the addresses (a terms query on an ip_range field). */
    public List<Correlation> networksContaining(Collection<String> addresses, int size) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        List<FieldValue> values = addresses.stream().map(FieldValue::of).toList();
        return search(Query.of(q -> q.terms(t -> t.field("cidr").terms(v -> v.value(values)))), size);
    }

    /** Addresses sighted so far inside any of the networks (a CIDR term query on an ip field). */
    public List<Correlation> addressesWithin(Collection<String> networks, int size) {
        if (networks.isEmpty()) {
            return List.of();
        }
        return search(Query.of(q -> q.bool(b -> {
            networks.forEach(network -> b.should(s -> s.term(t -> t.field("ip").value(network))));
            return b.minimumShouldMatch("1");
        })), size);
    }

    private List<Correlation> search(Query query, int size) {
        try {
            return client.search(s -> s.index(SearchIndices.CORRELATIONS).query(query).size(size)
                    .trackTotalHits(t -> t.enabled(false)), JsonNode.class)
                    .hits().hits().stream().filter(hit -> hit.source() != null)
                    .map(hit -> CorrelationDocuments.fromJson(hit.source())).toList();
        } catch (IOException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
    }

    /**
     * Writes the correlations in one bulk request: a known one only if nobody wrote it since it was
     * read ({@code if_seq_no}/{@code if_primary_term}), a new one only if it still does not exist.
     * A conflict or an overloaded cluster fails the batch, which is then read and merged afresh.
     *
     * @return the correlations written, with the versions they are now stored at
     */
    public List<Stored> write(List<Correlation> correlations, Map<String, Stored> readVersions) {
        if (correlations.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true);
        for (Correlation correlation : correlations) {
            BinaryData document = BinaryData.of(CorrelationDocuments.toJson(correlation, now), ContentType.APPLICATION_JSON);
            Optional<Stored> read = Optional.ofNullable(readVersions.get(correlation.id()));
            if (read.isPresent()) {
                bulk.operations(op -> op.index(i -> i.index(SearchIndices.CORRELATIONS).id(correlation.id())
                        .ifSeqNo(read.get().seqNo()).ifPrimaryTerm(read.get().primaryTerm()).document(document)));
            } else {
                bulk.operations(op -> op.create(c -> c.index(SearchIndices.CORRELATIONS).id(correlation.id())
                        .document(document)));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
        List<Stored> written = new ArrayList<>(correlations.size());
        for (int i = 0; i < correlations.size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                if (item.seqNo() != null && item.primaryTerm() != null) {
                    written.add(new Stored(correlations.get(i), item.seqNo(), item.primaryTerm()));
                }
                continue;
            }
            int status = item.status();
            if (status == 409 || status == 429 || status >= 500) {
                throw new TransientCorrelationException("Correlation " + item.id() + " not written for now (status "
                        + status + "); the batch will be read and merged again");
            }
            log.error("Correlation {} refused for good: {}", item.id(), item.error().type());
        }
        return written;
    }
}
