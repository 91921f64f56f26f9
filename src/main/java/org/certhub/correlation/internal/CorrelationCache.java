package org.certhub.correlation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certhub.correlation.ObservationRecorded;

/**
 * The correlations this instance's merge threads read or wrote last, with the version they were
 * stored at, least recently used first out. The values of a batch are mostly the same few popular
 * ones (a C2 address, a malware family, a technique): without this every batch read them back
 * from Elasticsearch and parsed them again. A value whose every stored member is at hand (one this
 * thread saw from its first sighting) needs no read at all: a member not at hand is not stored.
 * <p>
 * It never needs to be right: every write is conditional on the cached version, so an entry made
 * stale by another instance (after a rebalance) fails the write with a conflict, the engine clears
 * the cache, and the batch is read and merged afresh. Bounded by members at hand, not entries: a
 * correlation may hold a hundred, most hold one.
 * <p>
 * It also holds what is not written yet: the count of members beyond the stored ones (of a value
 * past the member cap, or suppressed) grows here and reaches the store each time it grew by a
 * twentieth (see {@link #defer}). A crash loses at most that twentieth of such a count; every
 * member that is stored, and every CERT, is written at once.
 */
public final class CorrelationCache {

    private final int maxMembers;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long membersHeld;

    /** @param maxMembers most members held over all cached correlations */
    public CorrelationCache(int maxMembers) {
        this.maxMembers = maxMembers;
    }

    /**
     * The stored state of every value the batch's sightings name: cached ones from memory, the rest
     * (and members of cached ones not at hand) in one multi-get. A value with nothing stored comes
     * back empty; a member document left uncounted by a failed batch comes back as a version only.
     */
    public Map<String, CorrelationStore.Stored> load(Map<String, List<ObservationRecorded>> byCorrelation,
            CorrelationStore store) {
        Map<String, CorrelationStore.Stored> found = new HashMap<>();
        List<String> summaries = new ArrayList<>();
        Map<String, Set<String>> memberKeys = new HashMap<>();
        synchronized (this) {
            byCorrelation.forEach((id, observations) -> {
                Entry cached = entries.get(id);
                Set<String> keys = new LinkedHashSet<>();
                observations.forEach(o -> keys.add(Member.key(o.owner(), o.container())));
                if (cached == null) {
                    summaries.add(id);
                    memberKeys.put(id, keys);
                    return;
                }
                found.put(id, cached.stored);
                Correlation correlation = cached.stored.correlation();
                if (!correlation.allMembersAtHand()) {
                    keys.removeIf(correlation.members()::containsKey);
                    if (!keys.isEmpty()) {
                        memberKeys.put(id, keys);
                    }
                }
            });
        }
        if (summaries.isEmpty() && memberKeys.isEmpty()) {
            return found;
        }
        CorrelationStore.Found read = store.read(summaries, memberKeys);
        List<CorrelationStore.Stored> loaded = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>(summaries);
        touched.addAll(memberKeys.keySet());
        for (String id : touched) {
            CorrelationStore.Stored base = found.get(id);
            if (base == null) {
                ObservationRecorded first = byCorrelation.get(id).get(0);
                base = read.summaries().getOrDefault(id,
                        CorrelationStore.Stored.none(Correlation.empty(first.valueType(), first.value())));
            }
            CorrelationStore.Stored stored = withMembers(base, read.members().getOrDefault(id, Map.of()));
            found.put(id, stored);
            loaded.add(stored);
        }
        putAll(loaded);
        return found;
    }

    /** The members read put at hand when counted; every one's version remembered. */
    private static CorrelationStore.Stored withMembers(CorrelationStore.Stored stored,
            Map<String, CorrelationStore.FoundMember> members) {
        if (members.isEmpty()) {
            return stored;
        }
        Correlation correlation = stored.correlation();
        List<Member> atHand = new ArrayList<>(correlation.members().values());
        Map<String, CorrelationStore.MemberVersion> versions = new HashMap<>(stored.memberVersions());
        members.forEach((key, member) -> {
            versions.put(key, member.version());
            if (member.version().ordinal() < correlation.storedMembers()) {
                atHand.add(member.member());
            }
        });
        return new CorrelationStore.Stored(correlation.withMembers(atHand), stored.version(), versions);
    }

    /** Remembers correlations as just read or written. */
    public synchronized void putAll(Collection<CorrelationStore.Stored> stored) {
        for (CorrelationStore.Stored entry : stored) {
            put(new Entry(entry, entry.correlation().memberCount()));
        }
    }

    /**
     * Keeps {@code grown} in memory only, when only its count of members beyond the stored ones grew
     * ({@link Correlation#onlyCountGrew}), by less than a twentieth since it was last written.
     *
     * @return whether the write may be skipped
     */
    public synchronized boolean defer(Correlation grown) {
        Entry cached = entries.get(grown.id());
        if (cached == null || !grown.onlyCountGrew(cached.stored.correlation())
                || grown.memberCount() >= cached.writtenCount + Math.max(1, cached.writtenCount / 20)) {
            return false;
        }
        put(new Entry(new CorrelationStore.Stored(grown, cached.stored.version(), cached.stored.memberVersions()),
                cached.writtenCount));
        return true;
    }

    private void put(Entry entry) {
        Entry previous = entries.put(entry.stored.correlation().id(), entry);
        membersHeld += entry.weight() - (previous == null ? 0 : previous.weight());
        Iterator<Entry> eldest = entries.values().iterator();
        while (membersHeld > maxMembers && eldest.hasNext()) {
            membersHeld -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Forgets everything: after a conflict, the store is the truth again. */
    public synchronized void clear() {
        entries.clear();
        membersHeld = 0;
    }

    synchronized int size() {
        return entries.size();
    }

    /** A correlation as merged last, the version it is stored at, and the member count stored with it. */
    private record Entry(CorrelationStore.Stored stored, int writtenCount) {
        int weight() {
            return 1 + stored.correlation().members().size();
        }
    }
}
