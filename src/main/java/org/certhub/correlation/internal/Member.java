package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.stix.Tlp;

/**
 * One member of a correlation: one incident or report (the container) of one CERT that carries the
 * value. Identified by owner and container, so the same value sighted twice in one incident is one
 * member.
 *
 * @param owner the principal id of the CERT
 * @param container its incident, report or bundle id
 * @param objectIds the objects that carry the value (at most a configured number)
 * @param tlp the strictest TLP level of those objects: the member is shown at that level
 * @param firstSeen earliest sighting
 * @param lastSeen latest sighting
 * @param via for a network's correlation: the addresses inside it this member sighted
 * @param carriesValue whether the member sighted the value itself (a direct member); {@code false}
 *     for a member that only sighted addresses inside the correlated network: it carries its
 *     addresses, not the network, so it never makes the network visible to anyone
 */
public record Member(String owner, String container, List<String> objectIds, Tlp tlp, Instant firstSeen,
        Instant lastSeen, List<String> via, boolean carriesValue) {

    public Member {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        objectIds = List.copyOf(objectIds);
        via = List.copyOf(via);
    }

    /** A member as stored before members said whether they carry the value: a member with addresses is taken as carrying only them. */
    public Member(String owner, String container, List<String> objectIds, Tlp tlp, Instant firstSeen, Instant lastSeen,
            List<String> via) {
        this(owner, container, objectIds, tlp, firstSeen, lastSeen, via, via.isEmpty());
    }

    /** Owner and container: what makes a member distinct. */
    public String key() {
        return key(owner, container);
    }

    static String key(String owner, String container) {
        return owner + '\n' + container;
    }

    /** Whether this member was found through an address inside the correlated network. */
    public boolean byContainment() {
        return !via.isEmpty();
    }

    static Member of(ObservationRecorded observation) {
        return new Member(observation.owner(), observation.container(), List.of(observation.objectId()),
                tlpOf(observation.tlp()), observation.receivedAt(), observation.receivedAt(),
                observation.containedAddress().map(List::of).orElse(List.of()), observation.containedAddress().isEmpty());
    }

    /** This member with one more sighting; the same member when the sighting adds nothing. */
    Member with(ObservationRecorded observation, int maxObjectIds) {
        List<String> ids = addCapped(objectIds, observation.objectId(), maxObjectIds);
        List<String> addresses = observation.containedAddress().map(address -> addCapped(via, address, maxObjectIds))
                .orElse(via);
        Tlp observed = tlpOf(observation.tlp());
        Tlp strictest = observed.compareTo(tlp) > 0 ? observed : tlp;
        Instant first = observation.receivedAt().isBefore(firstSeen) ? observation.receivedAt() : firstSeen;
        Instant last = observation.receivedAt().isAfter(lastSeen) ? observation.receivedAt() : lastSeen;
        Member merged = new Member(owner, container, ids, strictest, first, last, addresses,
                carriesValue || observation.containedAddress().isEmpty());
        return merged.equals(this) ? this : merged;
    }

    private static List<String> addCapped(List<String> values, String value, int cap) {
        if (values.contains(value) || values.size() >= cap) {
            return values;
        }
        List<String> out = new ArrayList<>(values);
        out.add(value);
        return out;
    }

    /** A label this hub wrote; anything else is treated as the strictest level, never as more shareable. */
    static Tlp tlpOf(String label) {
        for (Tlp tlp : Tlp.values()) {
            if (tlp.label().equals(label)) {
                return tlp;
            }
        }
        return Tlp.RED;
    }
}
