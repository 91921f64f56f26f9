package org.certhub.kafka;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * A warning that can repeat many times a second while an engine is down (every batch retried,
 * every status write failed): logged at most once per interval, with how many were left out since,
 * so an outage is visible without flooding the log.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalMillis;
    private final AtomicLong nextAt = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalMillis = intervalMillis;
    }

    /** Logs the warning unless one was logged less than the interval ago; returns whether it did. */
    public boolean warn(String format, Object... arguments) {
        long now = System.currentTimeMillis();
        long due = nextAt.get();
        if (now < due || !nextAt.compareAndSet(due, now + intervalMillis)) {
            suppressed.incrementAndGet();
            return false;
        }
        long left = suppressed.getAndSet(0);
        if (left > 0) {
            log.warn(format + " ({} similar warnings in the last {} ms not logged)", append(arguments, left, intervalMillis));
        } else {
            log.warn(format, arguments);
        }
        return true;
    }

    private static Object[] append(Object[] arguments, Object... more) {
        Object[] all = new Object[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}
