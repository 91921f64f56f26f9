package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.Tlp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A correlation as an Elasticsearch document of the {@code certhub-correlations} index, and back. */
final class CorrelationDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Most contained addresses listed on a network's document (they make it findable by address). */
    private static final int MAX_ADDRESSES = 1000;

    private CorrelationDocuments() {
    }

    static byte[] toJson(Correlation correlation, Instant updatedAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", correlation.id()).put("value_type", correlation.valueType()).put("value", correlation.value());
        switch (correlation.valueType()) {
            case "ipv4", "ipv6" -> doc.put("ip", correlation.value());
            case "cidr" -> doc.put("cidr", correlation.value());
            default -> { }
        }
        Set<String> addresses = new LinkedHashSet<>();
        correlation.members().values().forEach(member -> member.via().forEach(address -> {
            if (addresses.size() < MAX_ADDRESSES) {
                addresses.add(address);
            }
        }));
        strings(doc.putArray("addresses"), addresses);
        doc.put("rule", correlation.rule()).put("explanation", Explanation.of(correlation));
        ArrayNode members = doc.putArray("members");
        for (Member member : correlation.members().values()) {
            ObjectNode node = members.addObject();
            node.put("owner", member.owner()).put("container", member.container());
            strings(node.putArray("object_ids"), member.objectIds());
            node.put("tlp", member.tlp().label()).put("first_seen", member.firstSeen().toString())
                    .put("last_seen", member.lastSeen().toString());
            strings(node.putArray("via"), member.via());
        }
        List<String> certs = correlation.certs();
        doc.put("members_beyond_cap", correlation.membersBeyondCap());
        strings(doc.putArray("certs"), certs);
        doc.put("cert_count", certs.size()).put("member_count", correlation.memberCount())
                .put("first_seen", correlation.firstSeen().toString()).put("last_seen", correlation.lastSeen().toString())
                .put("score", correlation.score()).put("suppressed", correlation.suppressed());
        correlation.suppression().ifPresent(reason -> doc.put("suppressed_reason", reason));
        doc.put("updated_at", updatedAt.toString());
        return JSON.writeValueAsBytes(doc);
    }

    static Correlation fromJson(JsonNode doc) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (JsonNode node : doc.path("members")) {
            Member member = new Member(node.path("owner").asString(), node.path("container").asString(),
                    strings(node.path("object_ids")), tlp(node.path("tlp").asString("")),
                    Instant.parse(node.path("first_seen").asString()), Instant.parse(node.path("last_seen").asString()),
                    strings(node.path("via")));
            members.put(member.key(), member);
        }
        String reason = doc.path("suppressed_reason").asString("");
        return new Correlation(doc.path("id").asString(), doc.path("value_type").asString(), doc.path("value").asString(),
                members, doc.path("members_beyond_cap").asInt(0), reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    private static Tlp tlp(String label) {
        return Member.tlpOf(label);
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
