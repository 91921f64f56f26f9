package org.certhub.feed.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import org.certhub.correlation.SharedCorrelation;
import org.certhub.correlation.SharedCorrelation.RestrictedMember;
import org.certhub.correlation.SharedCorrelation.VisibleMember;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A correlation as a STIX 2.1 {@code grouping} with {@code context: suspicious-activity}: the id is
 * derived from the correlation's, {@code modified} is when the cluster last changed, {@code
 * object_refs} are the visible members' objects and containers, the marking is the strictest visible
 * member's level, and the rest (value, rule, score, visible and restricted members) is in the custom
 * property {@code x_certhub_correlation}. A member the reader may not see is named there by CERT,
 * contact and level only, and never referenced.
 */
public final class CorrelationObjects {

    static final String CUSTOM_PROPERTY = "x_certhub_correlation";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CorrelationObjects() {
    }

    /** The STIX version of a correlation: its last change, to the millisecond. */
    static String version(SharedCorrelation correlation) {
        return stixTimestamp(correlation.updatedAt());
    }

    /** When the hub added this version (the index keeps milliseconds: so does the date added). */
    static Instant dateAdded(SharedCorrelation correlation) {
        return correlation.updatedAt().truncatedTo(ChronoUnit.MILLIS);
    }

    public static byte[] toStix(SharedCorrelation correlation) {
        ObjectNode grouping = JSON.createObjectNode();
        Instant created = correlation.firstSeen().isAfter(correlation.updatedAt()) ? correlation.updatedAt()
                : correlation.firstSeen();
        grouping.put("type", "grouping").put("spec_version", "2.1").put("id", correlation.stixId())
                .put("created", stixTimestamp(created)).put("modified", version(correlation))
                .put("name", "Correlation: " + correlation.valueType() + " " + correlation.value())
                .put("description", correlation.explanation()).put("context", "suspicious-activity");
        Set<String> refs = new LinkedHashSet<>();
        for (VisibleMember member : correlation.members()) {
            refs.addAll(member.objectIds());
            if (!member.container().startsWith("bundle--")) {
                refs.add(member.container());
            }
        }
        refs.forEach(grouping.putArray("object_refs")::add);
        grouping.putArray("object_marking_refs").add(correlation.strictestVisibleTlp().markingDefinitionId());
        grouping.putArray("labels").add("correlation").add(correlation.rule());
        ObjectNode details = grouping.putObject(CUSTOM_PROPERTY);
        details.put("correlation_id", correlation.id()).put("value_type", correlation.valueType())
                .put("value", correlation.value()).put("rule", correlation.rule()).put("score", correlation.score())
                .put("member_count", correlation.memberCount()).put("restricted_member_count", correlation.restricted().size());
        correlation.certs().forEach(details.putArray("certs")::add);
        details.put("first_seen", stixTimestamp(correlation.firstSeen())).put("last_seen", stixTimestamp(correlation.lastSeen()));
        ArrayNode members = details.putArray("members");
        for (VisibleMember member : correlation.members()) {
            ObjectNode node = members.addObject().put("cert", member.cert()).put("container", member.container())
                    .put("tlp", member.tlp().label()).put("first_seen", stixTimestamp(member.firstSeen()))
                    .put("last_seen", stixTimestamp(member.lastSeen()));
            member.objectIds().forEach(node.putArray("object_ids")::add);
            if (!member.via().isEmpty()) {
                member.via().forEach(node.putArray("via")::add);
            }
        }
        ArrayNode restricted = details.putArray("restricted_members");
        for (RestrictedMember member : correlation.restricted()) {
            restricted.addObject().put("cert", member.cert()).put("contact", member.contact()).put("tlp", member.tlp().label());
        }
        return JSON.writeValueAsBytes(grouping);
    }

    private static String stixTimestamp(Instant instant) {
        return MILLIS.format(instant);
    }
}
