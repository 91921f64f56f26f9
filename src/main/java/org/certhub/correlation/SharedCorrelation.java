package org.certhub.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.stix.Tlp;

/**
 * A correlation as one reader may see it, for the partner feed: the members the sharing policy lets
 * the reader see, whole, and every other member only as the CERT to contact and its level (never
 * its objects, its container or when it saw the value), exactly as {@code GET /api/v1/correlations/{id}}
 * shows it. A reader that may see none of the members that carry the value (a network's containment
 * members carry only their addresses) is never given the correlation at all.
 *
 * @param id the correlation id (SHA-256 hex of {@code type:value})
 * @param valueType the observable type's id
 * @param value the shared value
 * @param rule {@code shared-value}, {@code cidr-containment} or {@code technique-and-target}
 * @param score how strong the correlation is, 0 to 100
 * @param memberCount distinct incidents or reports (per CERT) that share the value
 * @param certs the CERTs involved, ordered
 * @param explanation why it is correlated, from the visible members, restricted ones counted by CERT
 * @param firstSeen earliest sighting among the visible members
 * @param lastSeen latest sighting among the visible members
 * @param updatedAt when the hub last wrote a change to the cluster (a member joined or saw more)
 * @param members the members the reader may see
 * @param restricted the members it may not see
 * @param sort where a feed page continues after this correlation
 */
public record SharedCorrelation(String id, String valueType, String value, String rule, double score, int memberCount,
        List<String> certs, String explanation, Instant firstSeen, Instant lastSeen, Instant updatedAt,
        List<VisibleMember> members, List<RestrictedMember> restricted, List<FieldValue> sort) {

    public SharedCorrelation {
        Objects.requireNonNull(id, "id");
        certs = List.copyOf(certs);
        members = List.copyOf(members);
        restricted = List.copyOf(restricted);
        sort = List.copyOf(sort);
    }

    /** The STIX id the feed gives this correlation: the same for every reader and every version. */
    public String stixId() {
        return CorrelationStixIds.of(id);
    }

    /** The strictest level among the visible members: what the reader must treat the correlation as. */
    public Tlp strictestVisibleTlp() {
        return members.stream().map(VisibleMember::tlp).max(Tlp::compareTo).orElse(Tlp.CLEAR);
    }

    /**
     * A member the reader may see.
     *
     * @param container the incident or report that holds the sighting, else the bundle id
     * @param via for a network: the addresses inside it that were sighted
     */
    public record VisibleMember(String cert, String container, List<String> objectIds, Tlp tlp, Instant firstSeen,
            Instant lastSeen, List<String> via) {

        public VisibleMember {
            objectIds = List.copyOf(objectIds);
            via = List.copyOf(via);
        }
    }

    /**
     * A member the reader may not see: whom to ask, at which level, nothing else.
     *
     * @param contact the CERT's display name, to contact it through the hub
     */
    public record RestrictedMember(String cert, String contact, Tlp tlp) {
    }
}
