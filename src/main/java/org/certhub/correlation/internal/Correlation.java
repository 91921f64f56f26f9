package org.certhub.correlation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.certhub.correlation.CorrelationFound;
import org.certhub.correlation.ObservationRecorded;

/**
 * Every sighting of one observable value: a cluster of members, not pairs, so one value seen by 200
 * incidents is one correlation with 200 members. It correlates once it has two members.
 * <p>
 * Stored as one summary document that holds the members while they are few, and past that one
 * document per member, so a member joining a large correlation writes one small document and
 * rewrites the summary, never the other members (see {@link CorrelationStore}). The summary counts
 * the members per CERT and level ({@link Group}): enough to show every reader what it may see of a
 * listing without reading a member.
 *
 * @param id SHA-256 hex of {@code type:value}
 * @param valueType the observable type's id
 * @param value the normalised value
 * @param members the stored members at hand, by {@link Member#key()}, in the order they joined: all
 *     of them when read for a reader; when merging, those the batch's sightings name (and every
 *     one when the merge thread holds them all)
 * @param groups the stored members counted per CERT and level, ordered by CERT then level
 * @param storedMembers how many members are stored (at most a configured number, plus the CERTs that joined past it)
 * @param membersBeyondCap members seen after the stored ones were full (counted, not deduplicated)
 * @param containment whether any member joined through an address inside the correlated network
 * @param suppression why the value is suppressed, if it is
 */
public record Correlation(String id, String valueType, String value, Map<String, Member> members, List<Group> groups,
        int storedMembers, int membersBeyondCap, boolean containment, Optional<String> suppression) {

    public static final String SHARED_VALUE = "shared-value";
    public static final String CIDR_CONTAINMENT = "cidr-containment";
    public static final String TECHNIQUE_AND_TARGET = "technique-and-target";

    public Correlation {
        Objects.requireNonNull(id, "id");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        groups = List.copyOf(groups);
    }

    /** A value nobody has sighted yet. */
    public static Correlation empty(String valueType, String value) {
        return new Correlation(idOf(valueType + ":" + value), valueType, value, Map.of(), List.of(), 0, 0, false,
                Optional.empty());
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
        return storedMembers + membersBeyondCap;
    }

    /** Whether every stored member is at hand: a member not among them is then known not to be stored. */
    public boolean allMembersAtHand() {
        return members.size() == storedMembers;
    }

    /**
     * The members that carry the value itself, counted per CERT and level: who holds the value. The
     * value, the id and the explanation are derived from these alone, so only a reader that may see
     * one of them may see the correlation; a network's containment members carry only their
     * addresses.
     */
    public List<Group> valueHolders() {
        return groups.stream().filter(Group::carriesValue).toList();
    }

    /** The CERTs of the stored members, ordered. */
    public List<String> certs() {
        return groups.stream().map(Group::owner).distinct().toList();
    }

    public Instant firstSeen() {
        return groups.stream().map(Group::firstSeen).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    public Instant lastSeen() {
        return groups.stream().map(Group::lastSeen).max(Instant::compareTo).orElse(Instant.EPOCH);
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
        return containment ? CIDR_CONTAINMENT : SHARED_VALUE;
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
     * This correlation as if the members of the given CERT and level were not stored: what a
     * reader is shown when its daily budget of blind reveals withholds them (their CERT, count and
     * level would otherwise still show in {@code certs}, counts and the explanation).
     */
    public Correlation without(java.util.function.BiPredicate<String, org.certhub.stix.Tlp> withheld) {
        List<Group> kept = groups.stream().filter(group -> !withheld.test(group.owner(), group.tlp())).toList();
        if (kept.size() == groups.size()) {
            return this;
        }
        int dropped = groups.stream().filter(group -> withheld.test(group.owner(), group.tlp())).mapToInt(Group::members).sum();
        Map<String, Member> keptMembers = new LinkedHashMap<>();
        members.forEach((key, member) -> {
            if (!withheld.test(member.owner(), member.tlp())) {
                keptMembers.put(key, member);
            }
        });
        return new Correlation(id, valueType, value, keptMembers, kept, Math.max(0, storedMembers - dropped), membersBeyondCap,
                containment, suppression);
    }

    /** This summary with the given members at hand (all of them, as read for a reader). */
    public Correlation withMembers(Collection<Member> all) {
        Map<String, Member> byKey = new LinkedHashMap<>();
        all.forEach(member -> byKey.put(member.key(), member));
        return new Correlation(id, valueType, value, byKey, groups, storedMembers, membersBeyondCap, containment, suppression);
    }

    /**
     * This correlation with the sightings added: new members join (up to the cap), known members
     * gain object ids and widen their time span, and the result is checked against the suppression
     * rules. Merging a sighting twice changes nothing, so replays are harmless. Every member the
     * sightings name must be at hand (or not stored at all), or it would join a second time.
     */
    public Correlation merge(Collection<ObservationRecorded> observations, Suppression rules, Limits limits) {
        Map<String, Member> merged = new LinkedHashMap<>(members);
        Map<String, Group> byOwnerAndLevel = new TreeMap<>();
        groups.forEach(group -> byOwnerAndLevel.put(group.sortKey(), group));
        int stored = storedMembers;
        int beyond = membersBeyondCap;
        boolean contained = containment;
        // A suppressed value is never shown as a correlation: its members stay as they were when it
        // was suppressed and only their number grows. Growing a public resolver's or a malware
        // family's members on every sighting would cost more than all the rest of the merge.
        int storable = suppressed() ? storedMembers : limits.maxStoredMembers();
        for (ObservationRecorded observation : observations) {
            String key = Member.key(observation.owner(), observation.container());
            Member known = merged.get(key);
            if (known != null) {
                Member grown = suppressed() ? known : known.with(observation, limits.maxObjectIdsPerMember());
                if (grown != known) {
                    remove(byOwnerAndLevel, known);
                    add(byOwnerAndLevel, grown);
                    merged.put(key, grown);
                    contained |= grown.byContainment();
                }
            } else if (stored < storable || (!suppressed() && byOwnerAndLevel.values().stream()
                    .noneMatch(group -> group.owner().equals(observation.owner())))) {
                // Past the cap a CERT not among the members still joins: who shares the value
                // across borders is what a correlation is for.
                Member joined = Member.of(observation);
                merged.put(key, joined);
                add(byOwnerAndLevel, joined);
                stored++;
                contained |= joined.byContainment();
            } else {
                beyond++;
            }
        }
        Correlation next = new Correlation(id, valueType, value, merged, List.copyOf(byOwnerAndLevel.values()), stored,
                beyond, contained, suppression);
        return next.withSuppression(suppression.or(() -> rules.reason(valueType, value, next.memberCount())));
    }

    private static void add(Map<String, Group> groups, Member member) {
        Group group = Group.of(member);
        groups.merge(group.sortKey(), group, (known, one) -> known.plus(member));
    }

    private static void remove(Map<String, Group> groups, Member member) {
        String key = Group.of(member).sortKey();
        Group known = groups.get(key);
        if (known == null) {
            return;
        }
        if (known.members() <= 1) {
            groups.remove(key);
        } else {
            groups.put(key, known.minusOne());
        }
    }

    private Correlation withSuppression(Optional<String> reason) {
        return new Correlation(id, valueType, value, members, groups, storedMembers, membersBeyondCap, containment, reason);
    }

    /**
     * Whether this differs from {@code before} only by more members counted beyond the stored ones
     * (past the cap, or on a suppressed value): the same members, CERTs and suppression.
     */
    public boolean onlyCountGrew(Correlation before) {
        return membersBeyondCap > before.membersBeyondCap && storedMembers == before.storedMembers
                && members.equals(before.members()) && groups.equals(before.groups())
                && suppression.equals(before.suppression());
    }

    /** The members at hand that this merge added or changed, against what {@code before} held. */
    public List<Member> membersChangedSince(Correlation before) {
        return members.values().stream().filter(member -> !member.equals(before.members().get(member.key()))).toList();
    }

    /** The event announcing this correlation. */
    public CorrelationFound found() {
        return new CorrelationFound(CorrelationFound.SCHEMA_VERSION, id, valueType, value, rule(), memberCount(), certs(),
                score(), firstSeen(), lastSeen(), groups.stream()
                        .map(group -> new CorrelationFound.Holder(group.owner(), group.tlp().label(), group.carriesValue()))
                        .toList());
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
