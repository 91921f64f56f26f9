package org.certhub.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a set of submissions got: counts by outcome, accepted bundles and objects, latencies of the accepted. */
final class SubmissionRun {

    final Latencies latencies = new Latencies();
    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, String> firstExample = new TreeMap<>();
    long acceptedBundles;
    long acceptedObjects;
    long firstStartNanos = Long.MAX_VALUE;
    long lastAcceptedNanos;
    long endNanos;
    /** Accepted objects over the time from the first submission to all of them searchable; NaN if not measured. */
    double endToEndObjectsPerSecond = Double.NaN;
    boolean indexingFailed;

    synchronized void record(HubClient.Outcome outcome, int objects, long answeredAtNanos) {
        outcomes.merge(outcome.key(), 1L, Long::sum);
        if (outcome.accepted()) {
            acceptedBundles++;
            acceptedObjects += objects;
            latencies.record(outcome.nanos());
            lastAcceptedNanos = Math.max(lastAcceptedNanos, answeredAtNanos);
        } else {
            firstExample.putIfAbsent(outcome.key(), HubClient.explain(outcome));
        }
        endNanos = Math.max(endNanos, answeredAtNanos);
    }

    synchronized void started(long nanos) {
        firstStartNanos = Math.min(firstStartNanos, nanos);
    }

    synchronized SubmissionRun add(SubmissionRun other) {
        other.outcomes.forEach((key, count) -> outcomes.merge(key, count, Long::sum));
        other.firstExample.forEach(firstExample::putIfAbsent);
        latencies.add(other.latencies);
        acceptedBundles += other.acceptedBundles;
        acceptedObjects += other.acceptedObjects;
        firstStartNanos = Math.min(firstStartNanos, other.firstStartNanos);
        lastAcceptedNanos = Math.max(lastAcceptedNanos, other.lastAcceptedNanos);
        endNanos = Math.max(endNanos, other.endNanos);
        return this;
    }

    double acceptedObjectsPerSecond() {
        return acceptedObjects / seconds();
    }

    double seconds() {
        return Math.max(endNanos - firstStartNanos, 1) / 1e9;
    }

    /** "none", or "503 x 3, ConnectException x 1". */
    synchronized String errors() {
        String errors = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("202"))
                .map(e -> e.getKey() + " x " + e.getValue()).collect(Collectors.joining(", "));
        return errors.isEmpty() ? "none" : errors;
    }

    synchronized long errorCount() {
        return outcomes.entrySet().stream().filter(e -> !e.getKey().equals("202")).mapToLong(Map.Entry::getValue).sum();
    }
}
