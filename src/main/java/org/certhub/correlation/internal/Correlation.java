package org.certhub.correlation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.certhub.correlation.CorrelationFound;
import org.certhub.correlation.ObservationRecorded;

/**
 * Every sighting of one observable value: a cluster of members, not pairs, so one value seen by 200
 * incidents is one correlation with 200 members. It correlates once it has two members.
 *
 * @param id SHA-256 hex of {@code type:value}
 * @param valueType the observable type's id
 * @param value the normalised value
 * @param members by {@link Member#key()}, in the order they joined (at most a configured number)
 * @param membersBeyondCap members seen after the stored ones were full (counted, not deduplicated)
 * @param suppression why the value is suppressed, if it is
 */
public record Correlation(String id, String valueType, String value, Map<String, Member> members, int membersBeyondCap,
        Optional<String> suppression) {

    public static final String SHARED_VALUE = "shared-value";
    public static final String CIDR_CONTAINMENT = "cidr-containment";
    public static final String TECHNIQUE_AND_TARGET = "technique-and-target";

    public Correlation {
        Objects.requireNonNull(id, "id");
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** A value nobody has sighted yet. */
    public static Correlation empty(String valueType, String value) {
        return new Correlation(idOf(valueType + ":" + value), valueType, value, Map.of(), 0, Optional.empty());
    }

    /** The correlation id of a {@code type:value} key. */
    public static String idOf(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Distinct incidents or reports, per CERT, that carry the value. */
    public int memberCount() {
        return members.size() + membersBeyondCap;
    }

    /** The CERTs of the stored members, ordered. */
    public List<String> certs() {
        return List.copyOf(new TreeSet<>(members.values().stream().map(Member::owner).toList()));
    }

    public Instant firstSeen() {
        return members.values().stream().map(Member::firstSeen).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    public Instant lastSeen() {
        return members.values().stream().map(Member::lastSeen).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /**
     * {@code technique-and-target} for a technique used against one target in one week,
     * {@code cidr-containment} when any member joined through an address inside the network,
     * else {@code shared-value}.
     */
    public String rule() {
        if (valueType.equals(TechniqueTargets.TYPE)) {
            return TECHNIQUE_AND_TARGET;
        }
        return members.values().stream().anyMatch(Member::byContainment) ? CIDR_CONTAINMENT : SHARED_VALUE;
    }

    public double score() {
        return Scoring.score(this);
    }

    public boolean suppressed() {
        return suppression.isPresent();
    }

    /** Whether two or more members share the value. */
    public boolean correlates() {
        return memberCount() >= 2;
    }

    /**
     * This correlation with the sightings added: new members join (up to the cap), known members
     * gain object ids and widen their time span, and the result is checked against the suppression
     * rules. Merging a sighting twice changes nothing, so replays are harmless.
     */
    public Correlation merge(Collection<ObservationRecorded> observations, Suppression rules, Limits limits) {
        Map<String, Member> merged = new LinkedHashMap<>(members);
        int beyond = membersBeyondCap;
        // A suppressed value is never shown as a correlation: its members stay as they were when it
        // was suppressed and only their number grows. Growing a public resolver's or a malware
        // family's document on every sighting would cost more than all the rest of the merge.
        int storable = suppressed() ? members.size() : limits.maxStoredMembers();
        Set<String> certs = new HashSet<>();
        members.values().forEach(member -> certs.add(member.owner()));
        for (ObservationRecorded observation : observations) {
            String key = Member.key(observation.owner(), observation.container());
            Member known = merged.get(key);
            if (known != null) {
                if (!suppressed()) {
                    merged.put(key, known.with(observation, limits.maxObjectIdsPerMember()));
                }
            } else if (merged.size() < storable || (!suppressed() && certs.add(observation.owner()))) {
                // Past the cap a CERT not among the members still joins: who shares the value
                // across borders is what a correlation is for.
                merged.put(key, Member.of(observation));
            } else {
                beyond++;
            }
        }
        Correlation next = new Correlation(id, valueType, value, merged, beyond, suppression);
        return next.withSuppression(suppression.or(() -> rules.reason(valueType, value, next.memberCount())));
    }

    private Correlation withSuppression(Optional<String> reason) {
        return new Correlation(id, valueType, value, members, membersBeyondCap, reason);
    }

    /**
     * Whether this differs from {@code before} only by more members counted beyond the stored ones
     * (past the cap, or on a suppressed value): the same members, CERTs and suppression.
     */
    public boolean onlyCountGrew(Correlation before) {
        return membersBeyondCap > before.membersBeyondCap && members.equals(before.members())
                && suppression.equals(before.suppression());
    }

    /** The event announcing this correlation. */
    public CorrelationFound found() {
        return new CorrelationFound(CorrelationFound.SCHEMA_VERSION, id, valueType, value, rule(), memberCount(), certs(),
                score(), firstSeen(), lastSeen());
    }

    /**
     * Whether the change from {@code before} to this must be announced: the value correlates, is
     * not suppressed, and has more members than before.
     */
    public boolean announcesOver(Correlation before) {
        return correlates() && !suppressed() && memberCount() > before.memberCount();
    }

    /** Limits on what one correlation stores. */
    public record Limits(int maxStoredMembers, int maxObjectIdsPerMember) {
    }
}
