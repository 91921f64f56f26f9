package org.certhub.correlation.blind;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.search.SearchIndices;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The {@code certhub-blind-matches} index: one document per reveal, created once ({@code create},
 * 409 = already recorded). Writes refresh at once, so the next answer's count of the viewer's day
 * includes them, on any instance.
 */
@Component
class RevealStore {

    private static final Logger log = LoggerFactory.getLogger(RevealStore.class);
    private static final String INDEX = SearchIndices.BLIND_MATCHES;

    private final ElasticsearchClient client;

    RevealStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** One page of an owner's list, with the sort values to continue after when there is more. */
    record Page(List<RevealDocument> reveals, Optional<List<FieldValue>> next) {
    }

    /** How many reveals the viewer was shown (not withheld) on this day. */
    long shownOn(String viewer, LocalDate day) {
        try {
            return client.count(c -> c.index(INDEX).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("viewer").value(viewer)))
                    .filter(f -> f.term(t -> t.field("day").value(day.toString())))
                    .filter(f -> f.term(t -> t.field("withheld").value(false)))))).count();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
    }

    /** Creates the documents; answers the ids that already existed (recorded before, here or elsewhere). */
    List<String> create(Collection<RevealDocument> documents) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true).refresh(Refresh.True);
        for (RevealDocument document : documents) {
            JsonNode json = document.toJson();
            bulk.operations(op -> op.create(c -> c.index(INDEX).id(document.revealId()).document(json)));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
        List<String> existing = new java.util.ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            if (item.status() != 409) {
                log.warn("Blind match {} not recorded: status {}, {}", item.id(), item.status(), item.error().type());
                throw unavailable(null);
            }
            existing.add(item.id());
        }
        return existing;
    }

    /** Whether each recorded reveal was withheld, by id (real time, not waiting for a refresh). */
    Map<String, Boolean> withheld(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Boolean> found = new HashMap<>();
            for (MultiGetResponseItem<JsonNode> item : client.mget(m -> m.index(INDEX).ids(List.copyOf(ids)), JsonNode.class).docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    found.put(item.result().id(), item.result().source().path("withheld").asBoolean(true));
                }
            }
            return found;
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
    }

    /** The reveals of the owner's values, newest first. */
    Page ofOwner(String owner, int limit, Optional<List<FieldValue>> after) {
        try {
            List<Hit<JsonNode>> hits = client.search(s -> {
                s.index(INDEX).size(limit + 1).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.term(t -> t.field("owner").value(owner)))
                        .sort(o -> o.field(f -> f.field("revealed_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("reveal_id").order(SortOrder.Desc)));
                after.ifPresent(s::searchAfter);
                return s;
            }, JsonNode.class).hits().hits();
            List<RevealDocument> page = hits.stream().limit(limit).filter(hit -> hit.source() != null)
                    .map(hit -> RevealDocument.fromJson(hit.source())).toList();
            return new Page(page, hits.size() > limit ? Optional.of(hits.get(limit - 1).sort()) : Optional.empty());
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
    }

    /** Without the ledger nothing blind may be shown: the answer fails, retryable, rather than leak unrecorded. */
    private static ProblemException unavailable(Exception cause) {
        if (cause != null) {
            log.warn("Blind match ledger unavailable: {}", cause.toString());
        }
        return new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "blind-matches-unavailable",
                "Blind matches unavailable", "The blind match ledger is not reachable; try again."));
    }
}
