package org.certhub.correlation.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correlations this instance's merge threads read or wrote last, with the version they were
 * stored at, least recently used first out. The values of a batch are mostly the same few popular
 * ones (a C2 address, a malware family, a technique): without this every batch read them back
 * from Elasticsearch and parsed them again.
 * <p>
 * It never needs to be right: every write is conditional on the cached version, so an entry made
 * stale by another instance (after a rebalance) fails the write with a conflict, the engine clears
 * the cache, and the batch is read and merged afresh. Bounded by members held, not entries: a
 * correlation may hold a thousand members, most hold one.
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

    /** The stored correlations among {@code ids}: cached ones from memory, the rest in one read from the store. */
    public Map<String, CorrelationStore.Stored> load(Collection<String> ids, CorrelationStore store) {
        Map<String, CorrelationStore.Stored> found = new HashMap<>();
        List<String> missing;
        synchronized (this) {
            missing = ids.stream().filter(id -> {
                Entry cached = entries.get(id);
                if (cached != null) {
                    found.put(id, cached.stored);
                }
                return cached == null;
            }).toList();
        }
        if (!missing.isEmpty()) {
            Map<String, CorrelationStore.Stored> read = store.load(missing);
            found.putAll(read);
            putAll(read.values());
        }
        return found;
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
        put(new Entry(new CorrelationStore.Stored(grown, cached.stored.seqNo(), cached.stored.primaryTerm()),
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
