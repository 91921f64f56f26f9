package org.certhub.correlation.blind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reveals this instance knows are recorded, by id, with whether each was withheld: the hot
 * path's answer for a blind entry shown again, without a round trip. Bounded, least recently used
 * out first; a day's ids are not the next day's ({@link Reveal#id()}), so yesterday's entries are
 * never hits and simply age out. Forgetting one only costs a round trip: the ledger stays the truth.
 */
final class RevealCache {

    private final Map<String, Boolean> withheld;

    RevealCache(int capacity) {
        this.withheld = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the reveal was withheld; empty when this instance does not know it as recorded. */
    synchronized Optional<Boolean> withheld(String revealId) {
        return Optional.ofNullable(withheld.get(revealId));
    }

    synchronized void remember(String revealId, boolean wasWithheld) {
        withheld.put(revealId, wasWithheld);
    }

    synchronized int size() {
        return withheld.size();
    }
}
