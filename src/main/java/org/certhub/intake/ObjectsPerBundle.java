package org.certhub.intake;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * How many objects a submitted bundle holds on average, as this instance has seen them: turns the
 * indexer's lag, which Kafka counts in records (one bundle each), into objects.
 */
@Component
class ObjectsPerBundle {

    private final AtomicLong bundles = new AtomicLong();
    private final AtomicLong objects = new AtomicLong();

    void accepted(int objectCount) {
        bundles.incrementAndGet();
        objects.addAndGet(objectCount);
    }

    /** The average so far; 1 before any bundle, so a lag is never under-counted as zero. */
    double average() {
        long seen = bundles.get();
        return seen == 0 ? 1.0 : Math.max(1.0, (double) objects.get() / seen);
    }
}
