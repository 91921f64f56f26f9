package org.certhub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.certhub.benchmark.DemoCredentials.Submitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Proves "kill -9 of the hub during an ingest, then a restart: Elasticsearch holds exactly the
 * objects that were acknowledged with 202 (none lost, none duplicated)". Run on demand:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.check=kill -Dbench.args="--bundles=5000 --clients=8"
 * </pre>
 * It starts a hub on a fresh data dir; {@code --clients} clients submit {@code --bundles} bundles of
 * {@code --objects-per-bundle} objects, recording every 202; after {@code --kill-at} (0.4) of the
 * submissions have been answered the hub gets SIGKILL (the later submissions fail and count as not
 * acknowledged). The hub is started again on the same data, the backlog is indexed until the
 * indexer's lag is 0 and the object count has stood still for {@code --settle} (10s), and then the
 * indices and the intake topic are compared with what was acknowledged. Fails (non-zero) if an
 * acknowledged object is missing or duplicated, or an acknowledged bundle is not in Kafka. Objects
 * present but not acknowledged (the kill fell between Kafka's acknowledgement and the HTTP answer)
 * are reported, not failed, when their bundles are in Kafka.
 */
public class KillDuringIngestCheck {

    private static final Set<String> OPTIONS = Set.of("clients", "bundles", "objects-per-bundle", "kill-at", "seed",
            "hub-heap", "keep-data", "settle", "settle-timeout", "intake-topic", "indexer-group");

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "kill")
    void killDuringIngest() throws Exception {
        assertThat(run(BenchOptions.fromSystemProperty())).as("the check's exit status (see its output)").isZero();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        QuietLogs.warningsOnly();
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int clients = options.integer("clients", 8);
        int total = options.integer("bundles", 5_000);
        int perBundle = options.integer("objects-per-bundle", 10);
        double killAt = options.decimal("kill-at", 0.4);
        Optional<String> heap = options.string("hub-heap");
        String topic = options.string("intake-topic").orElse("certhub.intake");
        int marker = (int) System.nanoTime();
        Report report = new Report("certhub kill -9 during ingest check");
        Path dataDir = HubProcess.freshDataDir("kill-");
        HubProcess hub = null;
        boolean passed = false;
        try {
            System.out.println("Starting a hub (data " + dataDir + ") ...");
            HubProcess first = HubProcess.start(dataDir, heap, Duration.ofMinutes(3));
            hub = first;
            first.awaitReady(Duration.ofMinutes(2));
            List<Submitter> submitters = DemoCredentials.submitters(first.credentialsFile(Duration.ofSeconds(10))
                    .orElseThrow(() -> new IllegalStateException("the hub wrote no demo-credentials.json (is tenancy merged?)")));
            report.header(String.format(Locale.ROOT, "kill -9 during ingest: %,d bundles of %d objects, %d clients, %d CERTs, "
                    + "kill after %.0f%% answered; data %s", total, perBundle, clients, submitters.size(), killAt * 100, dataDir));

            System.out.printf("Generating %,d bundles ...%n", total);
            StixBundleGenerator generator = new StixBundleGenerator(options.longValue("seed", 42), marker, marker);
            List<StixBundleGenerator.Bundle> bundles = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                bundles.add(generator.next(perBundle));
            }
            HubClient client = new HubClient(first.uri());
            HubClient.Outcome probe = client.submit(bundles.get(0).json(), submitters.get(0).apiKey());
            if (!probe.accepted()) {
                report.row("NOT RUN", "a first submission got " + HubClient.explain(probe));
                return 2;
            }
            System.out.println("Submitting ...");
            Submissions submissions = submitUntilKilled(first, client, submitters, bundles, clients, killAt, probe);
            first.kill();
            String[] acknowledgedBy = submissions.acknowledgedBy();
            long acknowledgedBundles = Arrays.stream(acknowledgedBy).filter(Objects::nonNull).count();
            report.row("submissions", String.format(Locale.ROOT, "%,d acknowledged (202) of %,d; SIGKILL %.1f s after the "
                    + "start; outcomes %s", acknowledgedBundles, total, submissions.killedAfter().toMillis() / 1e3, submissions.outcomes()));

            System.out.println("Restarting the hub on the same data ...");
            long restarting = System.nanoTime();
            HubProcess second = HubProcess.start(dataDir, heap, Duration.ofMinutes(3));
            hub = second;
            long startedAgain = System.nanoTime();
            second.awaitReady(Duration.ofMinutes(2));
            long ready = System.nanoTime();
            report.row("restart", String.format(Locale.ROOT, "started in %.1f s, ready in %.1f s", (startedAgain - restarting) / 1e9,
                    (ready - restarting) / 1e9));

            ElasticsearchHttp es = new ElasticsearchHttp(second.elasticsearchUri());
            String kafka = second.kafkaBootstrap();
            long indexedAtRestart = es.count(DurabilityAudit.OBJECTS, "{\"match_all\":{}}");
            Settled settled = settle(es, kafka, options.string("indexer-group").orElse("certhub-indexer"), topic,
                    options.duration("settle", Duration.ofSeconds(10)), options.duration("settle-timeout", Duration.ofMinutes(10)),
                    report);
            report.row("backlog", String.format(Locale.ROOT, "%,d objects were in the index when the hub was ready again; "
                    + "indexing resumed %.1f s after ready, the last of %,d more was indexed %.1f s after ready",
                    indexedAtRestart, Math.max(0, settled.firstChangeNanos - ready) / 1e9, settled.count - indexedAtRestart,
                    Math.max(0, settled.lastChangeNanos - ready) / 1e9));

            List<DurabilityAudit.Acknowledged> acknowledged = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                if (acknowledgedBy[i] != null) {
                    for (StixBundleGenerator.StixObject object : bundles.get(i).objects()) {
                        acknowledged.add(new DurabilityAudit.Acknowledged(acknowledgedBy[i], object.id(), bundles.get(i).id()));
                    }
                }
            }
            DurabilityAudit.Result result = DurabilityAudit.audit(es, kafka, topic, acknowledged);
            report.row("objects index", String.format(Locale.ROOT, "acknowledged %,d, present %,d, missing %,d, duplicated %,d, "
                    + "extra (not acknowledged) %,d of %,d bundles, %,d of those bundles in Kafka", result.acknowledged(),
                    result.present(), result.missing(), result.duplicated(), result.extra(), result.extraBundles(),
                    result.extraBundlesInKafka()));
            report.row("versions index", String.format(Locale.ROOT, "acknowledged objects (each its one, current version) "
                    + "with a version document as well: %,d", result.versionCopies()));
            report.row("intake topic", String.format(Locale.ROOT, "%,d records; acknowledged bundles in it %,d of %,d; bundles in it twice %,d",
                    result.kafkaRecords(), result.acknowledgedBundlesInKafka(), result.acknowledgedBundles(), result.kafkaBundlesTwice()));
            passed = result.passed() && result.extraBundlesInKafka() == result.extraBundles();
            report.row("verdict", passed ? "PASSED: every acknowledged object indexed exactly once"
                    : "FAILED: acknowledged objects lost or duplicated (or indexed objects that Kafka does not hold)");
        } catch (Exception | AssertionError e) {
            report.row("ERROR", e.toString());
            if (hub != null) {
                System.out.println("hub log " + hub.logFile() + " ends with:\n" + hub.tail(30));
            }
            e.printStackTrace(System.out);
        } finally {
            if (hub != null && hub.isAlive()) {
                hub.stop();
            }
            if (passed && !options.flag("keep-data")) {
                HubProcess.deleteDataDir(dataDir);
            } else {
                System.out.println("data kept in " + dataDir);
            }
            report.print();
        }
        return passed ? 0 : 1;
    }

    /**
     * What the clients got: who each bundle was acknowledged to ({@code null}: not acknowledged), the
     * outcomes by status, and when the hub was killed.
     */
    private record Submissions(String[] acknowledgedBy, Map<String, Long> outcomes, Duration killedAfter) {
    }

    /**
     * Submits bundles 1.. (bundle 0 was the probe) from {@code clients} threads and kills the hub
     * with SIGKILL once {@code killAt} of all submissions have been answered; the submissions after
     * that fail (connection refused) and count as not acknowledged.
     */
    private static Submissions submitUntilKilled(HubProcess hub, HubClient client, List<Submitter> submitters,
            List<StixBundleGenerator.Bundle> bundles, int clients, double killAt, HubClient.Outcome probe) throws Exception {
        int total = bundles.size();
        String[] acknowledgedBy = new String[total];
        acknowledgedBy[0] = submitters.get(0).principal();
        Map<String, Long> outcomes = new TreeMap<>(Map.of(probe.key(), 1L));
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger answered = new AtomicInteger(1);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAtNanos = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Submitter submitter = submitters.get(c % submitters.size());
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    HubClient.Outcome outcome = client.submit(bundles.get(i).json(), submitter.apiKey());
                    if (outcome.accepted()) {
                        acknowledgedBy[i] = submitter.principal();
                    }
                    synchronized (outcomes) {
                        outcomes.merge(outcome.key(), 1L, Long::sum);
                    }
                    if (answered.incrementAndGet() >= killAt * total && killed.compareAndSet(false, true)) {
                        killedAtNanos.set(System.nanoTime());
                        hub.killNow();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Submissions(acknowledgedBy, outcomes, Duration.ofNanos(Math.max(0, killedAtNanos.get() - started)));
    }

    /** When the object count first and last changed while settling, and its final value. */
    private record Settled(long firstChangeNanos, long lastChangeNanos, long count) {
    }

    /**
     * Waits until the indexer has committed everything in the intake topic and the object count has
     * stood still for {@code settle}.
     */
    private static Settled settle(ElasticsearchHttp es, String kafka, String group, String topic, Duration settle,
            Duration timeout, Report report) throws Exception {
        System.out.println("Waiting for the backlog to be indexed ...");
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = es.count(DurabilityAudit.OBJECTS, "{\"match_all\":{}}");
        long firstChange = 0;
        long lastChange = System.nanoTime();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            long current = es.count(DurabilityAudit.OBJECTS, "{\"match_all\":{}}");
            if (current != count) {
                count = current;
                lastChange = now;
                firstChange = firstChange == 0 ? now : firstChange;
            }
            lag = DurabilityAudit.lag(kafka, group, topic);
            if (lag == 0 && now - lastChange >= settle.toNanos()) {
                report.row("settled", String.format(Locale.ROOT, "%,d objects indexed, indexer lag 0", count));
                return new Settled(firstChange == 0 ? lastChange : firstChange, lastChange, count);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        report.row("settled", String.format(Locale.ROOT, "NOT within %s: %,d objects, indexer lag %d", timeout, count, lag));
        return new Settled(firstChange == 0 ? lastChange : firstChange, lastChange, count);
    }
}
