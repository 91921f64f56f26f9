package org.certhub.feed.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** Counts the open streams of this instance, per principal and in all, against their limits. */
@Component
class StreamSlots {

    private final StreamProperties properties;
    private final Map<String, Integer> byPrincipal = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    StreamSlots(StreamProperties properties) {
        this.properties = properties;
    }

    /** Takes a slot for the principal; false when it or the instance is at its limit. */
    synchronized boolean take(String principalId) {
        int held = byPrincipal.getOrDefault(principalId, 0);
        if (held >= properties.maxPerPrincipal() || total.get() >= properties.maxStreams()) {
            return false;
        }
        byPrincipal.put(principalId, held + 1);
        total.incrementAndGet();
        return true;
    }

    synchronized void release(String principalId) {
        byPrincipal.computeIfPresent(principalId, (id, held) -> held <= 1 ? null : held - 1);
        total.decrementAndGet();
    }
}
