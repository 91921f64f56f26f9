package org.certhub.correlation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.search.SearchIndices;

import tools.jackson.databind.JsonNode;

/**
 * Reads the members of correlations whose summaries a reader already holds: one search for a
 * whole page of them, members in the order they joined.
 */
final class MemberReads {

    /** Most members read for one request, over all its correlations. */
    static final int MAX_MEMBERS = 10_000;

    private MemberReads() {
    }

    /**
     * The correlations with their stored members at hand (each counted member, uncounted ones left
     * out). A summary is written in the same bulk request as its members, but each index becomes
     * searchable at its own refresh: when {@code consistent} and a summary counts members the search
     * did not find, the members index is refreshed once and searched again, so that a reader who
     * sees a summary also sees every member it counts.
     */
    static List<Correlation> attach(ElasticsearchClient client, List<Correlation> summaries, boolean consistent) {
        // A summary holding all its members (a small correlation) has every member at hand already.
        List<Correlation> withStored = summaries.stream().filter(c -> !c.allMembersAtHand()).toList();
        if (withStored.isEmpty()) {
            return summaries;
        }
        try {
            Map<String, List<Member>> found = search(client, withStored);
            if (consistent && missesAny(withStored, found)) {
                client.indices().refresh(r -> r.index(SearchIndices.CORRELATION_MEMBERS));
                found = search(client, withStored);
            }
            Map<String, List<Member>> members = found;
            return summaries.stream().map(c -> c.allMembersAtHand() ? c : withHeld(c, members.getOrDefault(c.id(), List.of())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static boolean missesAny(List<Correlation> summaries, Map<String, List<Member>> found) {
        int wanted = summaries.stream().mapToInt(Correlation::storedMembers).sum();
        return wanted <= MAX_MEMBERS && summaries.stream()
                .anyMatch(c -> withHeld(c, found.getOrDefault(c.id(), List.of())).members().size() < c.storedMembers());
    }

    /**
     * The members found, and those the summary holds when no document of them was found (their
     * documents may not be written yet, see {@link CorrelationStore}); they joined first.
     */
    private static Correlation withHeld(Correlation summary, List<Member> found) {
        Map<String, Member> members = new LinkedHashMap<>(summary.members());
        found.forEach(member -> members.put(member.key(), member));
        return summary.withMembers(members.values());
    }

    /** The counted members of the correlations, by correlation id, in the order they joined. */
    private static Map<String, List<Member>> search(ElasticsearchClient client, List<Correlation> summaries)
            throws IOException {
        int wanted = Math.min(MAX_MEMBERS, summaries.stream().mapToInt(Correlation::storedMembers).sum());
        List<FieldValue> ids = summaries.stream().map(c -> FieldValue.of(c.id())).toList();
        Map<String, Integer> counted = new HashMap<>();
        summaries.forEach(c -> counted.put(c.id(), c.storedMembers()));
        Map<String, List<Member>> byCorrelation = new HashMap<>();
        List<Hit<JsonNode>> hits = client.search(s -> s.index(SearchIndices.CORRELATION_MEMBERS).size(wanted)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.terms(t -> t.field("correlation_id").terms(v -> v.value(ids))))
                .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc))), JsonNode.class).hits().hits();
        for (Hit<JsonNode> hit : hits) {
            JsonNode source = hit.source();
            String correlationId = CorrelationDocuments.correlationIdOf(source);
            if (CorrelationDocuments.ordinalOf(source) < counted.getOrDefault(correlationId, 0)) {
                byCorrelation.computeIfAbsent(correlationId, id -> new ArrayList<>())
                        .add(CorrelationDocuments.memberFromJson(source));
            }
        }
        return byCorrelation;
    }
}
