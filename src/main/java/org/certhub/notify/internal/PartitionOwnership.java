package org.certhub.notify.internal;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The request topic partitions this instance's consumer holds: it delivers exactly the
 * notifications that came in on them, so that two instances never work on the same one.
 */
@Component
public class PartitionOwnership {

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    public void assigned(Collection<Integer> partitions) {
        owned.addAll(partitions);
    }

    public void revoked(Collection<Integer> partitions) {
        owned.removeAll(partitions);
    }

    /** How many partitions this instance delivers for now. */
    public int ownedCount() {
        return owned.size();
    }

    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    boolean owns(int partition) {
        return owned.contains(partition);
    }
}
