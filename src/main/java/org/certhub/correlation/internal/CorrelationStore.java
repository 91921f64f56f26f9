package org.certhub.correlation.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetRequest;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.certhub.correlation.CorrelationProperties;
import org.certhub.search.SearchIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The correlation engine's reads and writes of the correlation indices, each batch in one round
 * trip: one multi-get (real time, with the sequence numbers that make the write conditional) of the
 * summaries and the member documents the batch names, at most one search per containment
 * direction, and one bulk write of the summaries and the members that changed.
 */
@Component
public class CorrelationStore {

    private static final Logger log = LoggerFactory.getLogger(CorrelationStore.class);

    private final ElasticsearchClient client;
    private final Clock clock;
    private final int membersInSummary;

    CorrelationStore(ElasticsearchClient client, CorrelationProperties properties) {
        this.client = client;
        this.clock = Clock.systemUTC();
        this.membersInSummary = properties.membersInSummary();
    }

    /** The version a document was read or written at: a write is conditional on it. */
    public record Version(long seqNo, long primaryTerm) {
    }

    /**
     * A member document's version and its place in the order members joined.
     *
     * @param ordinal below the summary's stored member count when the member is counted; else the
     *     document was left by a batch that failed before its summary was written
     */
    public record MemberVersion(Version version, int ordinal) {
    }

    /**
     * A correlation as stored.
     *
     * @param correlation the summary, with the members at hand
     * @param version the summary's version; empty while no summary is stored
     * @param memberVersions by member key, every member document known to exist (those at hand,
     *     and any not counted yet)
     */
    public record Stored(Correlation correlation, Optional<Version> version, Map<String, MemberVersion> memberVersions) {

        public Stored {
            memberVersions = Map.copyOf(memberVersions);
        }

        /** A value with nothing stored. */
        static Stored none(Correlation empty) {
            return new Stored(empty, Optional.empty(), Map.of());
        }
    }

    /** What one multi-get found: summaries by correlation id, member documents by correlation id and member key. */
    record Found(Map<String, Stored> summaries, Map<String, Map<String, FoundMember>> members) {
    }

    record FoundMember(Member member, MemberVersion version) {
    }

    /**
     * One multi-get of the summaries of {@code summaryIds} and of the member documents named by
     * {@code memberKeys} (correlation id to member keys).
     */
    Found read(Collection<String> summaryIds, Map<String, ? extends Collection<String>> memberKeys) {
        MgetRequest.Builder request = new MgetRequest.Builder();
        List<String> memberOf = new ArrayList<>();
        summaryIds.forEach(id -> request.docs(d -> d.index(SearchIndices.CORRELATIONS).id(id)));
        memberKeys.forEach((correlationId, keys) -> keys.forEach(key -> {
            request.docs(d -> d.index(SearchIndices.CORRELATION_MEMBERS).id(CorrelationDocuments.memberId(correlationId, key)));
            memberOf.add(correlationId);
        }));
        if (summaryIds.isEmpty() && memberOf.isEmpty()) {
            return new Found(Map.of(), Map.of());
        }
        MgetResponse<JsonNode> response;
        try {
            response = client.mget(request.build(), JsonNode.class);
        } catch (IOException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
        Map<String, Stored> summaries = new HashMap<>();
        Map<String, Map<String, FoundMember>> members = new HashMap<>();
        List<MultiGetResponseItem<JsonNode>> docs = response.docs();
        for (int i = 0; i < docs.size(); i++) {
            MultiGetResponseItem<JsonNode> item = docs.get(i);
            if (item.isFailure()) {
                throw new TransientCorrelationException("Could not read " + item.failure().id() + ": "
                        + item.failure().error().type());
            }
            GetResult<JsonNode> result = item.result();
            if (!result.found() || result.source() == null) {
                continue;
            }
            Version version = new Version(result.seqNo(), result.primaryTerm());
            if (i < summaryIds.size()) {
                summaries.put(result.id(), new Stored(CorrelationDocuments.fromJson(result.source()), Optional.of(version),
                        Map.of()));
            } else {
                Member member = CorrelationDocuments.memberFromJson(result.source());
                members.computeIfAbsent(memberOf.get(i - summaryIds.size()), id -> new HashMap<>()).put(member.key(),
                        new FoundMember(member, new MemberVersion(version, CorrelationDocuments.ordinalOf(result.source()))));
            }
        }
        return new Found(summaries, members);
    }

    /** Networks sighted so far that contain any of the addresses (a terms query on an ip_range field). */
    public List<Correlation> networksContaining(Collection<String> addresses, int size) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        List<FieldValue> values = addresses.stream().map(FieldValue::of).toList();
        return search(Query.of(q -> q.terms(t -> t.field("cidr").terms(v -> v.value(values)))), size);
    }

    /** Addresses sighted so far inside any of the networks (a CIDR term query on an ip field), with their members. */
    public List<Correlation> addressesWithin(Collection<String> networks, int size) {
        if (networks.isEmpty()) {
            return List.of();
        }
        List<Correlation> addresses = search(Query.of(q -> q.bool(b -> {
            networks.forEach(network -> b.should(s -> s.term(t -> t.field("ip").value(network))));
            return b.minimumShouldMatch("1");
        })), size);
        try {
            return MemberReads.attach(client, addresses, false);
        } catch (RuntimeException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
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

    /** A merge's outcome for one value: what was stored, and what it is now. */
    public record Change(Stored before, Correlation after) {
    }

    /**
     * Writes the changes in one bulk request: each summary, and each member that joined or changed.
     * A document known is written only if nobody wrote it since it was read
     * ({@code if_seq_no}/{@code if_primary_term}), a new one only if it still does not exist. A
     * conflict or an overloaded cluster fails the batch, which is then read and merged afresh; a
     * member written by a batch that failed later is found then, and counted (see
     * {@link MemberVersion#ordinal}).
     *
     * @return each correlation written, with the versions it is now stored at
     */
    public List<Stored> write(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true);
        List<List<Written>> plans = new ArrayList<>();
        for (Change change : changes) {
            plans.add(plan(change, now, bulk));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new TransientCorrelationException("Elasticsearch is unavailable", e);
        }
        List<Stored> written = new ArrayList<>(changes.size());
        int item = 0;
        for (int c = 0; c < changes.size(); c++) {
            Change change = changes.get(c);
            Optional<Version> summary = change.before().version();
            Map<String, MemberVersion> members = new HashMap<>(change.before().memberVersions());
            boolean complete = true;
            for (Written planned : plans.get(c)) {
                Optional<Version> version = versionOf(response.items().get(item++));
                if (version.isEmpty()) {
                    complete = false;
                } else if (planned.memberKey() == null) {
                    summary = version;
                } else {
                    members.put(planned.memberKey(), new MemberVersion(version.get(), planned.ordinal()));
                }
            }
            if (complete) {
                written.add(new Stored(change.after(), summary, members));
            }
        }
        return written;
    }

    /** One document of a bulk request: a member (its key and ordinal) or, with no key, the summary. */
    private record Written(String memberKey, int ordinal) {
    }

    private List<Written> plan(Change change, Instant now, BulkRequest.Builder bulk) {
        Correlation after = change.after();
        Stored before = change.before();
        List<Written> planned = new ArrayList<>();
        List<Member> held = heldBySummary(before, after);
        BinaryData summary = BinaryData.of(CorrelationDocuments.toJson(after, held, now), ContentType.APPLICATION_JSON);
        put(bulk, SearchIndices.CORRELATIONS, after.id(), before.version(), summary);
        planned.add(new Written(null, -1));
        int nextOrdinal = before.correlation().storedMembers();
        for (Member member : membersToWrite(before, after, held)) {
            MemberVersion known = before.memberVersions().get(member.key());
            boolean counted = before.correlation().members().containsKey(member.key());
            // Counted without a document: held by its summary until now (only past the held number, so
            // `held` lists exactly those, in the order they joined); its place among them is its ordinal.
            boolean promoted = counted && known == null;
            int ordinal = promoted ? held.indexOf(member) : counted ? known.ordinal() : nextOrdinal++;
            BinaryData document = BinaryData.of(CorrelationDocuments.memberToJson(after.id(), member, ordinal),
                    ContentType.APPLICATION_JSON);
            String id = CorrelationDocuments.memberId(after.id(), member.key());
            if (promoted) {
                // Not read, so not conditional: a batch that failed after writing it may have left it.
                bulk.operations(op -> op.index(i -> i.index(SearchIndices.CORRELATION_MEMBERS).id(id).document(document)));
            } else {
                put(bulk, SearchIndices.CORRELATION_MEMBERS, id, Optional.ofNullable(known).map(MemberVersion::version),
                        document);
            }
            planned.add(new Written(member.key(), ordinal));
        }
        return planned;
    }

    /**
     * The members a summary holds itself rather than in documents of their own: while a value has
     * at most {@code membersInSummary} members, all of them (most values are never seen twice and
     * most correlations stay small: each member document cost a write, and a reader a search of a
     * second index that may not be refreshed yet). When more join, the held ones are written as
     * documents in the same bulk request, and the summary goes on holding them until a write has
     * confirmed those documents, so that a bulk request whose summary landed and whose members did
     * not (429) loses no member: readers take a held member when they find no document of it, and
     * the next merge writes it again.
     */
    private List<Member> heldBySummary(Stored before, Correlation after) {
        boolean small = after.storedMembers() <= membersInSummary;
        return after.members().values().stream()
                .filter(member -> !before.memberVersions().containsKey(member.key()))
                .filter(member -> small || before.correlation().members().containsKey(member.key()))
                .toList();
    }

    /**
     * The members whose documents change: while the summary holds its members, only those that have
     * a document already (from a batch that failed, or from an earlier release); past that, the new
     * and changed ones, and the ones the summary held.
     */
    private List<Member> membersToWrite(Stored before, Correlation after, List<Member> held) {
        List<Member> changed = after.membersChangedSince(before.correlation());
        if (after.storedMembers() <= membersInSummary) {
            return changed.stream().filter(member -> before.memberVersions().containsKey(member.key())).toList();
        }
        Map<String, Member> out = new LinkedHashMap<>();
        changed.forEach(member -> out.put(member.key(), member));
        held.forEach(member -> out.putIfAbsent(member.key(), member));
        return List.copyOf(out.values());
    }

    private static void put(BulkRequest.Builder bulk, String index, String id, Optional<Version> read, BinaryData document) {
        if (read.isPresent()) {
            bulk.operations(op -> op.index(i -> i.index(index).id(id).ifSeqNo(read.get().seqNo())
                    .ifPrimaryTerm(read.get().primaryTerm()).document(document)));
        } else {
            bulk.operations(op -> op.create(c -> c.index(index).id(id).document(document)));
        }
    }

    private static Optional<Version> versionOf(BulkResponseItem item) {
        if (item.error() == null) {
            return item.seqNo() != null && item.primaryTerm() != null
                    ? Optional.of(new Version(item.seqNo(), item.primaryTerm())) : Optional.empty();
        }
        int status = item.status();
        if (status == 409 || status == 429 || status >= 500) {
            throw new TransientCorrelationException("Correlation document " + item.id() + " not written for now (status "
                    + status + "); the batch will be read and merged again");
        }
        log.error("Correlation document {} refused for good: {}", item.id(), item.error().type());
        return Optional.empty();
    }
}
