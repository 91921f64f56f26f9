package org.certhub.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The phases of the ingest benchmark that submit to the hub: sustained throughput and latency at a fixed rate. */
final class HubPhases {

    static final String OBJECTS = "certhub-objects";

    private final HubClient client;
    private final List<String> keys;
    private final int perBundle;
    private final long seed;
    private final Optional<ElasticsearchHttp> es;
    private final Optional<HubProcess> hub;
    private final Duration indexTimeout;
    private final Report report;

    /**
     * @param keys the API keys to submit with, one per client in turn ("" for none)
     * @param es where to count indexed objects; without it the end-to-end figures are skipped
     * @param hub the hub process, when started here (its CPU time is reported)
     * @param indexTimeout how long the count of indexed objects may stand still before the run gives up
     */
    HubPhases(HubClient client, List<String> keys, int perBundle, long seed, Optional<ElasticsearchHttp> es,
            Optional<HubProcess> hub, Duration indexTimeout, Report report) {
        this.client = client;
        this.keys = keys;
        this.perBundle = perBundle;
        this.seed = seed;
        this.es = es;
        this.hub = hub;
        this.indexTimeout = indexTimeout;
        this.report = report;
    }

    /**
     * Phase 0: the same closed-loop load as phase 1 for {@code duration}, its figures discarded, then
     * a wait until every consumer group caught up. The raw Elasticsearch baseline is measured after a
     * warm-up too: without one, the hub's first minute is a third JIT compilation (the compiler
     * threads took ~30 % of the hub's CPU in a cold 30 s run), which no long-running hub pays.
     */
    void warmUp(int clients, Duration duration, int marker, String kafka) throws Exception {
        if (duration.isZero()) {
            report.row("0 warm-up", "none (--warm-up=0s): phase 1 measures a cold hub, JIT compilation included");
            return;
        }
        System.out.printf("Phase 0 (warm-up): %d clients for %s ...%n", clients, duration);
        SubmissionRun run = submitClosedLoop(clients, duration, marker);
        try (ConsumerLag lag = new ConsumerLag(kafka)) {
            Optional<Long> caughtUp = lag.awaitCaughtUp(indexTimeout);
            report.row("0 warm-up", String.format(Locale.ROOT, "%d clients for %.1f s: accepted %,d objects (figures "
                    + "discarded); %s", clients, run.seconds(), run.acceptedObjects, caughtUp.map(at -> String.format(
                            Locale.ROOT, "every consumer group caught up %.1f s after the last 202",
                            (at - run.lastAcceptedNanos) / 1e9)).orElse("the consumer groups did not catch up: " + lag.byGroup())));
        }
    }

    /** Phase 1: {@code clients} closed-loop clients for {@code duration}, then up to all accepted objects searchable. */
    SubmissionRun sustained(int clients, Duration duration, int marker) throws Exception {
        System.out.printf("Phase 1: %d clients for %s ...%n", clients, duration);
        Cpu before = Cpu.now(hub);
        OtherLoad others = OtherLoad.start();
        SubmissionRun run = submitClosedLoop(clients, duration, marker);
        report.row("1 sustained", String.format(Locale.ROOT, "%d clients: accepted %,d bundles in %.1f s = %,.1f bundles/s "
                + "= %,.0f objects/s (202)", clients, run.acceptedBundles, run.seconds(), run.acceptedBundles / run.seconds(),
                run.acceptedObjectsPerSecond()));
        outcomes(run, "latency of 202s");
        if (es.isEmpty()) {
            report.row("", "end-to-end: SKIPPED (no --elasticsearch to count indexed objects)");
            return run;
        }
        Optional<Long> searchable = awaitIndexed(es.get(), StixBundleGenerator.bundlePrefix(marker), run.acceptedObjects);
        Cpu used = Cpu.now(hub).minus(before);
        if (searchable.isEmpty()) {
            report.row("", "end-to-end: FAILED, not every accepted object became searchable");
            run.indexingFailed = true;
            return run;
        }
        double endToEnd = (searchable.get() - run.firstStartNanos) / 1e9;
        run.endToEndObjectsPerSecond = run.acceptedObjects / endToEnd;
        report.row("", String.format(Locale.ROOT, "indexed end-to-end %,.0f objects/s (all %,d searchable %.1f s after the "
                + "first submission; indexing lag after the last 202: %.2f s)", run.endToEndObjectsPerSecond,
                run.acceptedObjects, endToEnd, (searchable.get() - run.lastAcceptedNanos) / 1e9));
        report.row("", used.describe(run.acceptedObjects));
        warnIfBusy(others);
        return run;
    }

    private SubmissionRun submitClosedLoop(int clients, Duration duration, int marker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<SubmissionRun>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            workers.add(pool.submit(() -> {
                StixBundleGenerator generator = new StixBundleGenerator(seed + id, ((long) marker << 32) ^ id, marker);
                String key = keys.get(id % keys.size());
                SubmissionRun mine = new SubmissionRun();
                int consecutiveFailures = 0;
                // A hub that went away answers nothing: stop after a run of I/O failures rather than spin.
                while (System.nanoTime() < deadline && consecutiveFailures < 1_000) {
                    StixBundleGenerator.Bundle bundle = generator.next(perBundle);
                    mine.started(System.nanoTime());
                    HubClient.Outcome outcome = client.submit(bundle.json(), key);
                    mine.record(outcome, perBundle, System.nanoTime());
                    consecutiveFailures = outcome.status() == 0 ? consecutiveFailures + 1 : 0;
                }
                return mine;
            }));
        }
        SubmissionRun run = new SubmissionRun();
        for (Future<SubmissionRun> worker : workers) {
            run.add(worker.get());
        }
        pool.shutdown();
        return run;
    }

    /**
     * Waits until every consumer group (correlation, playbooks, the Kafka feed as well as the
     * indexer) has worked off what a phase accepted, so that the next phase measures the hub and not
     * the backlog of this one; reports when that was.
     *
     * @return whether they caught up before the lag stood still for {@code stall}
     */
    boolean awaitFullyProcessed(String kafka, SubmissionRun run, Duration stall) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(kafka)) {
            Optional<Long> caughtUp = lag.awaitCaughtUp(stall);
            if (caughtUp.isEmpty()) {
                report.row("", "FAILED: not every consumer group caught up; lag " + lag.byGroup());
                return false;
            }
            report.row("", String.format(Locale.ROOT, "fully processed (every consumer group caught up) %,.0f objects/s, "
                    + "%.1f s after the last 202", run.acceptedObjects / ((caughtUp.get() - run.firstStartNanos) / 1e9),
                    (caughtUp.get() - run.lastAcceptedNanos) / 1e9));
            return true;
        }
    }

    /**
     * Phase 2: open loop, a submission every 1/rate s whatever the answers (at most 2,000 in
     * flight); latency counts from the intended start, so queueing in the hub shows.
     */
    SubmissionRun fixedRate(int rate, Duration duration, int marker) throws Exception {
        int total = (int) (rate * duration.toSeconds());
        System.out.printf("Phase 2: %d bundles/s for %s (%,d bundles) ...%n", rate, duration, total);
        StixBundleGenerator generator = new StixBundleGenerator(seed + 100, ((long) marker << 32) ^ 100, marker);
        List<byte[]> bundles = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            bundles.add(generator.next(perBundle).json());
        }
        OtherLoad others = OtherLoad.start();
        SubmissionRun run = new SubmissionRun();
        Semaphore inFlight = new Semaphore(2_000);
        long notSent = 0;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        run.started(start);
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                notSent++;
                continue;
            }
            answers.add(client.submitAsync(bundles.get(i), keys.get(i % keys.size()), intended)
                    .whenComplete((outcome, failure) -> {
                        run.record(outcome, perBundle, System.nanoTime());
                        inFlight.release();
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        report.row("2 fixed rate", String.format(Locale.ROOT, "%d bundles/s of %d objects for %d s, open loop: accepted %,d of %,d%s",
                rate, perBundle, duration.toSeconds(), run.acceptedBundles, total,
                notSent > 0 ? " (" + notSent + " not sent: 2,000 already in flight)" : ""));
        outcomes(run, "latency");
        if (es.isPresent()) {
            Optional<Long> searchable = awaitIndexed(es.get(), StixBundleGenerator.bundlePrefix(marker), run.acceptedObjects);
            if (searchable.isEmpty()) {
                report.row("", "end-to-end: FAILED, not every accepted object became searchable");
                run.indexingFailed = true;
            } else {
                report.row("", String.format(Locale.ROOT, "all searchable %.2f s after the last 202",
                        (searchable.get() - run.lastAcceptedNanos) / 1e9));
            }
        }
        warnIfBusy(others);
        return run;
    }

    private void warnIfBusy(OtherLoad others) {
        String warning = others.warning();
        if (!warning.isEmpty()) {
            report.row("", warning.trim());
        }
    }

    private void outcomes(SubmissionRun run, String latencyLabel) {
        report.row("", "errors: " + run.errors());
        run.firstExample.values().forEach(example -> report.row("", "  e.g. " + example));
        report.row("", latencyLabel + " p50 / p95 / p99 / max: " + run.latencies.summary());
    }

    /**
     * Polls the count of a run's objects (by bundle id prefix) until it reaches {@code expected};
     * the moment it did, or empty once the count stood still for the index timeout.
     */
    Optional<Long> awaitIndexed(ElasticsearchHttp es, String bundlePrefix, long expected) throws IOException {
        String query = "{\"prefix\":{\"bundle_id\":\"" + bundlePrefix + "\"}}";
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long count = es.count(OBJECTS, query);
            if (count >= expected) {
                if (count > expected) {
                    report.row("", String.format("note: %,d objects of this phase are indexed, %,d were accepted", count, expected));
                }
                return Optional.of(now);
            }
            if (count != last) {
                last = count;
                lastChange = now;
            } else if (now - lastChange > indexTimeout.toNanos()) {
                report.row("", String.format("only %,d of %,d accepted objects searchable; no progress for %s", count, expected,
                        indexTimeout));
                return Optional.empty();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** CPU time of the hub (with its engines: Kafka in its JVM, Elasticsearch a child) and of this JVM (the clients). */
    private record Cpu(Duration hub, Duration client) {

        static Cpu now(Optional<HubProcess> hub) {
            long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(hub.map(HubProcess::cpu).orElse(Duration.ZERO), Duration.ofNanos(client));
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(hub.minus(earlier.hub), client.minus(earlier.client));
        }

        String describe(long objects) {
            return String.format(Locale.ROOT, "CPU: hub + its engines %.1f s (%.0f µs an object), benchmark JVM %.1f s",
                    hub.toMillis() / 1e3, hub.toNanos() / 1e3 / Math.max(1, objects), client.toMillis() / 1e3);
        }
    }
}
