package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.certhub.search.SearchIndices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A correlation as Elasticsearch documents: its summary in {@link SearchIndices#CORRELATIONS} (one
 * per value) and each member in {@link SearchIndices#CORRELATION_MEMBERS}, and back.
 */
final class CorrelationDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HELD_MEMBERS = "held_members";
    /** The one member a summary held, as the release before {@link #HELD_MEMBERS} wrote it. */
    private static final String FIRST_MEMBER = "first_member";
    private static final String CARRIES_VALUE = "carries_value";
    /** The owners and levels of the members that carry the value: what the sharing filter reads. */
    static final String VALUE_OWNERS = "value_owners";
    static final String VALUE_TLPS = "value_tlps";
    /** A network's prefix length in IPv6 terms, see {@link NetworkBreadth}. */
    static final String CIDR_PREFIX = "cidr_prefix";

    private CorrelationDocuments() {
    }

    /**
     * The summary: everything but the members, which it counts per CERT and level.
     *
     * @param held the members it holds itself, in the order they joined, see {@link CorrelationStore}
     */
    static byte[] toJson(Correlation correlation, List<Member> held, Instant updatedAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", correlation.id()).put("value_type", correlation.valueType()).put("value", correlation.value());
        switch (correlation.valueType()) {
            case "ipv4", "ipv6" -> doc.put("ip", correlation.value());
            case "cidr" -> {
                doc.put("cidr", correlation.value());
                NetworkBreadth.mappedPrefix(correlation.value()).ifPresent(prefix -> doc.put(CIDR_PREFIX, prefix));
            }
            default -> { }
        }
        doc.put("rule", correlation.rule());
        ArrayNode groups = doc.putArray("groups");
        Set<String> owners = new LinkedHashSet<>();
        Set<String> levels = new LinkedHashSet<>();
        Set<String> valueOwners = new LinkedHashSet<>();
        Set<String> valueLevels = new LinkedHashSet<>();
        for (Group group : correlation.groups()) {
            groups.addObject().put("owner", group.owner()).put("tlp", group.tlp().label()).put("members", group.members())
                    .put("first_seen", group.firstSeen().toString()).put("last_seen", group.lastSeen().toString())
                    .put(CARRIES_VALUE, group.carriesValue());
            owners.add(group.owner());
            levels.add(group.tlp().label());
            if (group.carriesValue()) {
                valueOwners.add(group.owner());
                valueLevels.add(group.tlp().label());
            }
        }
        // Flat copies for the sharing filter: a summary is visible when a member that carries the
        // value is the caller's own or at a level the caller may see, and each condition is about
        // one member (see CorrelationSharing). The copies over every member serve summaries written
        // before the value's holders were.
        strings(doc.putArray("member_owners"), owners);
        strings(doc.putArray("member_tlps"), levels);
        strings(doc.putArray(VALUE_OWNERS), valueOwners);
        strings(doc.putArray(VALUE_TLPS), valueLevels);
        List<String> certs = correlation.certs();
        doc.put("stored_members", correlation.storedMembers()).put("members_beyond_cap", correlation.membersBeyondCap())
                .put("containment", correlation.containment());
        strings(doc.putArray("certs"), certs);
        doc.put("cert_count", certs.size()).put("member_count", correlation.memberCount())
                .put("first_seen", correlation.firstSeen().toString()).put("last_seen", correlation.lastSeen().toString())
                .put("score", correlation.score()).put("suppressed", correlation.suppressed());
        correlation.suppression().ifPresent(reason -> doc.put("suppressed_reason", reason));
        if (!held.isEmpty()) {
            ArrayNode members = doc.putArray(HELD_MEMBERS);
            held.forEach(member -> memberFields(members.addObject(), member));
        }
        doc.put("updated_at", updatedAt.toString());
        return JSON.writeValueAsBytes(doc);
    }

    /**
     * A summary, with the members it holds at hand.
     * <p>
     * A summary written before groups said whether their members carry the value: without
     * containment every member carries it, as before. With containment, the groups are counted
     * again from the members when the summary holds all of them (a member with addresses is taken
     * as carrying only them); otherwise no group is taken as carrying the value, so the correlation
     * is visible to nobody until its next change rewrites it from its members. Hiding it for a while
     * is the price of never showing a network to a CERT that may see only an address inside it.
     */
    static Correlation fromJson(JsonNode doc) {
        boolean containment = doc.path("containment").asBoolean(false);
        List<Group> groups = new ArrayList<>();
        boolean legacy = false;
        for (JsonNode node : doc.path("groups")) {
            legacy |= !node.has(CARRIES_VALUE);
            groups.add(new Group(node.path("owner").asString(), Member.tlpOf(node.path("tlp").asString("")),
                    node.path("members").asInt(), Instant.parse(node.path("first_seen").asString()),
                    Instant.parse(node.path("last_seen").asString()), node.path(CARRIES_VALUE).asBoolean(!containment)));
        }
        String reason = doc.path("suppressed_reason").asString("");
        Map<String, Member> held = new LinkedHashMap<>();
        doc.path(HELD_MEMBERS).forEach(node -> hold(held, node));
        if (doc.path(FIRST_MEMBER).isObject()) {
            hold(held, doc.path(FIRST_MEMBER));
        }
        int stored = doc.path("stored_members").asInt(0);
        if (legacy && containment && held.size() == stored) {
            groups = groupsOf(held.values());
        }
        return new Correlation(doc.path("id").asString(), doc.path("value_type").asString(), doc.path("value").asString(),
                held, groups, stored, doc.path("members_beyond_cap").asInt(0), containment,
                reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    /** The members counted per CERT, level and whether they carry the value, in stored order. */
    static List<Group> groupsOf(Iterable<Member> members) {
        Map<String, Group> groups = new TreeMap<>();
        for (Member member : members) {
            Group one = Group.of(member);
            groups.merge(one.sortKey(), one, (known, added) -> known.plus(member));
        }
        return List.copyOf(groups.values());
    }

    private static void hold(Map<String, Member> held, JsonNode node) {
        Member member = memberFromJson(node);
        held.put(member.key(), member);
    }

    /** The id of a member's document: the same for every instance, so a member is stored once. */
    static String memberId(String correlationId, String memberKey) {
        return Correlation.idOf(correlationId + '\n' + memberKey);
    }

    /**
     * @param ordinal its place in the order members joined; a member document whose ordinal is not
     *     below the summary's {@code stored_members} was written by a batch that failed before its
     *     summary was, and is not counted yet
     */
    static byte[] memberToJson(String correlationId, Member member, int ordinal) {
        ObjectNode node = JSON.createObjectNode();
        node.put("correlation_id", correlationId).put("ordinal", ordinal);
        memberFields(node, member);
        return JSON.writeValueAsBytes(node);
    }

    private static void memberFields(ObjectNode node, Member member) {
        node.put("owner", member.owner()).put("container", member.container());
        strings(node.putArray("object_ids"), member.objectIds());
        node.put("tlp", member.tlp().label()).put("first_seen", member.firstSeen().toString())
                .put("last_seen", member.lastSeen().toString());
        strings(node.putArray("via"), member.via());
        node.put(CARRIES_VALUE, member.carriesValue());
    }

    /** A member; one written before members said whether they carry the value carries it when it has no addresses. */
    static Member memberFromJson(JsonNode node) {
        List<String> via = strings(node.path("via"));
        return new Member(node.path("owner").asString(), node.path("container").asString(), strings(node.path("object_ids")),
                Member.tlpOf(node.path("tlp").asString("")), Instant.parse(node.path("first_seen").asString()),
                Instant.parse(node.path("last_seen").asString()), via, node.path(CARRIES_VALUE).asBoolean(via.isEmpty()));
    }

    static String correlationIdOf(JsonNode member) {
        return member.path("correlation_id").asString();
    }

    static int ordinalOf(JsonNode member) {
        return member.path("ordinal").asInt(Integer.MAX_VALUE);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(value -> out.add(value.asString()));
        return out;
    }

    private static void strings(ArrayNode into, Iterable<String> values) {
        values.forEach(into::add);
    }
}
