package org.certhub.correlation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.correlation.CorrelationFeed;
import org.certhub.correlation.CorrelationStixIds;
import org.certhub.correlation.SharedCorrelation;
import org.certhub.correlation.SharedCorrelation.RestrictedMember;
import org.certhub.correlation.SharedCorrelation.VisibleMember;
import org.certhub.search.SearchIndices;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * {@link CorrelationFeed} on the correlations index: announced correlations with a member that
 * carries the value and that the reader may see ({@link CorrelationSharing}, checked again with
 * {@link CorrelationViews#visible}), sorted
 * by {@code updated_at} then id and continued with {@code search_after}.
 */
@Component
class CorrelationFeedReads implements CorrelationFeed {

    private final ElasticsearchClient client;
    private final CorrelationViews views;

    CorrelationFeedReads(ElasticsearchClient client, Community community) {
        this.client = client;
        this.views = new CorrelationViews(cert -> community.find(cert).map(Principal::name).orElse(cert));
    }

    @Override
    public Page page(Query query, Audience audience) {
        List<String> prefixes = new ArrayList<>();
        for (String stixId : query.stixIds()) {
            CorrelationStixIds.correlationIdPrefix(stixId).ifPresent(prefixes::add);
        }
        if (!query.stixIds().isEmpty() && prefixes.isEmpty()) {
            return new Page(List.of(), false);
        }
        try {
            SearchResponse<JsonNode> response = client.search(s -> {
                s.index(SearchIndices.CORRELATIONS).size(query.limit() + 1).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> filters(b, query, prefixes, audience)))
                        .sort(o -> o.field(f -> f.field("updated_at").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (!query.after().isEmpty()) {
                    s.searchAfter(query.after());
                }
                return s;
            }, JsonNode.class);
            List<Hit<JsonNode>> hits = response.hits().hits();
            List<Hit<JsonNode>> shown = new ArrayList<>();
            List<Correlation> summaries = new ArrayList<>();
            for (int i = 0; i < Math.min(query.limit(), hits.size()); i++) {
                Hit<JsonNode> hit = hits.get(i);
                Correlation correlation = CorrelationDocuments.fromJson(hit.source());
                // The prefix finds candidates; the whole id decides (and a stale filter never shows a hidden member).
                if ((query.stixIds().isEmpty() || query.stixIds().contains(CorrelationStixIds.of(correlation.id())))
                        && CorrelationViews.visible(correlation, audience)) {
                    shown.add(hit);
                    summaries.add(correlation);
                }
            }
            List<Correlation> withMembers = MemberReads.attach(client, summaries, true);
            List<SharedCorrelation> page = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                Hit<JsonNode> hit = shown.get(i);
                page.add(shared(withMembers.get(i), Instant.parse(hit.source().path("updated_at").asString()), hit.sort(),
                        audience));
            }
            return new Page(page, hits.size() > query.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    private static BoolQuery.Builder filters(BoolQuery.Builder b, Query query, List<String> prefixes, Audience audience) {
        b.filter(CorrelationSharing.visibleTo(audience))
                .filter(f -> f.term(t -> t.field("suppressed").value(false)))
                .filter(f -> f.range(r -> r.number(n -> n.field("member_count").gte(2.0))));
        query.changedAfter().ifPresent(after -> b.filter(f -> f.range(r -> r.date(d -> d.field("updated_at")
                .gt(after.toString())))));
        if (!prefixes.isEmpty()) {
            b.filter(f -> f.bool(ids -> {
                prefixes.forEach(prefix -> ids.should(s -> s.prefix(p -> p.field("id").value(prefix))));
                return ids.minimumShouldMatch("1");
            }));
        }
        if (!query.changedAt().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("updated_at").terms(v -> v.value(
                    query.changedAt().stream().map(at -> FieldValue.of(at.toString())).toList()))));
        }
        return b;
    }

    private SharedCorrelation shared(Correlation correlation, Instant updatedAt, List<FieldValue> sort, Audience audience) {
        List<VisibleMember> visible = new ArrayList<>();
        List<RestrictedMember> restricted = new ArrayList<>();
        for (Member member : correlation.members().values()) {
            if (audience.admits(member.owner(), member.tlp())) {
                visible.add(new VisibleMember(member.owner(), member.container(), member.objectIds(), member.tlp(),
                        member.firstSeen(), member.lastSeen(), member.via()));
            } else {
                restricted.add(views.restrictedMember(member));
            }
        }
        List<Group> shown = CorrelationViews.shown(correlation, audience);
        Instant first = shown.stream().map(Group::firstSeen).min(Instant::compareTo).orElse(updatedAt);
        Instant last = shown.stream().map(Group::lastSeen).max(Instant::compareTo).orElse(updatedAt);
        return new SharedCorrelation(correlation.id(), correlation.valueType(), correlation.value(), correlation.rule(),
                correlation.score(), correlation.memberCount(), correlation.certs(),
                Explanation.of(correlation, shown, CorrelationViews.restricted(correlation, audience)), first, last,
                updatedAt, visible, restricted, sort);
    }
}
