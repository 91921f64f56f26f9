package org.certhub.correlation.internal;

import java.time.Instant;
import java.util.Objects;

import org.certhub.stix.Tlp;

/**
 * The stored members of one CERT at one TLP level, counted: what a correlation's summary keeps of
 * its members, so that a listing can tell each reader how many members it may see, which are
 * restricted and when the visible ones saw the value, without reading a single member. Members that
 * carry the value itself and members that only carry an address inside the correlated network are
 * counted apart: only the first make the value visible ({@link CorrelationViews#visible}).
 *
 * @param owner the CERT
 * @param tlp the level its members are shown at
 * @param members how many of its stored members are at that level
 * @param firstSeen earliest sighting among them
 * @param lastSeen latest sighting among them
 * @param carriesValue whether these members carry the value itself ({@link Member#carriesValue()})
 */
public record Group(String owner, Tlp tlp, int members, Instant firstSeen, Instant lastSeen, boolean carriesValue) {

    public Group {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    static Group of(Member member) {
        return new Group(member.owner(), member.tlp(), 1, member.firstSeen(), member.lastSeen(), member.carriesValue());
    }

    /** Orders groups by owner, then level, direct members first: the order they are stored and compared in. */
    String sortKey() {
        return owner + '\n' + tlp.ordinal() + (carriesValue ? "" : "\nvia");
    }

    Group plus(Member member) {
        Instant first = member.firstSeen().isBefore(firstSeen) ? member.firstSeen() : firstSeen;
        Instant last = member.lastSeen().isAfter(lastSeen) ? member.lastSeen() : lastSeen;
        return new Group(owner, tlp, members + 1, first, last, carriesValue);
    }

    /** One member fewer (it moved to a stricter level); its sightings stay in the time span they widened. */
    Group minusOne() {
        return new Group(owner, tlp, members - 1, firstSeen, lastSeen, carriesValue);
    }
}
