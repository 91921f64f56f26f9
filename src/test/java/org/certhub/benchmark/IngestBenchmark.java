package org.certhub.benchmark;

import org.certhub.EngineClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.certhub.benchmark.DemoCredentials.Submitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Ingest benchmark of the hub, run on demand, never by the normal build:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.args="--clients=8 --objects-per-bundle=10 --duration=60s --rate=100"
 * </pre>
 * (or {@code java -cp <test class path> org.certhub.benchmark.IngestBenchmark --clients=8 ...}).
 * Without {@code --hub=URL} it starts a hub as a child process on free ports with a fresh data dir
 * under {@code /tmp/certhub-bench}, and reads the embedded engines' addresses from its log and the
 * demo API keys from its data dir. Phases: (0) a warm-up of the same load as (1) for {@code --warm-up}
 * (30 s; {@code 0s} for none), its figures discarded, until every consumer group caught up; (1) sustained throughput of {@code --clients} closed-loop
 * clients for {@code --duration}, up to every accepted object searchable in Elasticsearch, then
 * until every consumer group (correlation, playbooks, feed) has worked off the phase's backlog;
 * (2) latency at a fixed open-loop {@code --rate} of bundles/s for {@code --latency-duration};
 * (3) the raw Kafka and (4) the raw Elasticsearch baselines with the same bundles and objects;
 * (5) the ratios of the hub's figures to the baselines'. Figures go to stdout; the run fails only
 * on errors (an accepted object never indexed, a baseline that reports errors), never on a timing.
 * Against a running hub: {@code --hub=http://127.0.0.1:8080}, with {@code --kafka} (default
 * {@code 127.0.0.1:9092}), {@code --elasticsearch} (default {@code http://127.0.0.1:9200}) and
 * {@code --credentials} (default {@code data/demo-credentials.json}); what is unreachable is skipped.
 * Other options: {@code --kafka=host:port --elasticsearch=http://host:9200 --credentials=file
 * --baseline-duration=20s --baseline-docs=200000 --baseline-warm-up-docs=50000 --seed=42 --hub-heap=<size, default: the JVM's> --keep-data}.
 */
public class IngestBenchmark {

    private static final Set<String> OPTIONS = Set.of("hub", "baselines", "kafka", "elasticsearch", "credentials", "clients",
            "objects-per-bundle", "duration", "rate", "latency-duration", "baseline-duration", "baseline-docs",
            "baseline-warm-up-docs", "seed", "warm-up",
            "hub-heap", "keep-data", "intake-partitions", "index-timeout");

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "ingest")
    void ingest() throws Exception {
        assertThat(run(BenchOptions.fromSystemProperty())).as("the benchmark's exit status (see its output)").isZero();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        QuietLogs.warningsOnly();
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int clients = options.integer("clients", 8);
        int perBundle = options.integer("objects-per-bundle", 10);
        long seed = options.longValue("seed", 42);
        int marker = new SecureRandom().nextInt();
        Report report = new Report("certhub ingest benchmark");
        HubProcess hub = null;
        Path dataDir = null;
        boolean failed = false;
        try {
            Engines engines;
            if (options.string("hub").isPresent()) {
                // A hub run by the default command: its engines on their default ports, its keys and
                // engine credentials under ./data.
                String kafka = options.string("kafka").orElse("127.0.0.1:9092");
                EngineClients.remember(kafka, Path.of("data"));
                String elasticsearch = options.string("elasticsearch").orElse(
                        Files.exists(Path.of("data", "engine-credentials.properties"))
                                ? EngineClients.elasticsearchWithCredentials(Path.of("data"), "http://127.0.0.1:9200")
                                : "http://127.0.0.1:9200");
                engines = new Engines(options.string("hub").get(),
                        Optional.of(kafka).filter(EngineBaselines::kafkaReachable),
                        Optional.of(elasticsearch).filter(uri -> new ElasticsearchHttp(uri).reachable()),
                        Optional.of(Path.of(options.string("credentials").orElse("data/demo-credentials.json")))
                                .filter(Files::isRegularFile), "given");
            } else {
                dataDir = HubProcess.freshDataDir("ingest-");
                System.out.println("Starting a hub (data " + dataDir + ") ...");
                HubProcess started = HubProcess.start(dataDir, options.string("hub-heap"), Duration.ofMinutes(3));
                hub = started;
                Duration ready = started.awaitReady(Duration.ofMinutes(2));
                engines = new Engines(started.uri().toString(), options.string("kafka").or(optional(started::kafkaBootstrap)),
                        options.string("elasticsearch").or(optional(started::elasticsearchUri)),
                        options.string("credentials").map(Path::of).or(() -> started.credentialsFile(Duration.ofSeconds(10))),
                        String.format(Locale.ROOT, "started here, ready in %.1f s, log %s", ready.toMillis() / 1e3,
                                started.logFile()));
            }
            Optional<ElasticsearchHttp> es = engines.elasticsearch.map(ElasticsearchHttp::new);
            List<Submitter> submitters = engines.credentials.isPresent()
                    ? DemoCredentials.submitters(engines.credentials.get()) : List.of();
            StixBundleGenerator.Bundle sample = new StixBundleGenerator(seed, marker, marker).next(perBundle);
            report.header(String.format(Locale.ROOT, "run %08x: hub %s (%s)%n  kafka %s, elasticsearch %s, credentials %s (%d submitting CERTs)%n"
                    + "  %d clients, %d objects/bundle, bundle %,d B (%,d B an object); %d cores, load average %s at start",
                    marker, engines.hub, engines.how, engines.kafka.orElse("(none)"), engines.elasticsearch.orElse("(none)"),
                    engines.credentials.map(Path::toString).orElse("(none)"), submitters.size(), clients, perBundle,
                    sample.json().length, sample.json().length / perBundle, Runtime.getRuntime().availableProcessors(), load()));

            HubClient client = new HubClient(URI.create(engines.hub));
            List<String> keys = submitters.isEmpty() ? List.of("") : submitters.stream().map(Submitter::apiKey).toList();
            // A first submission tells whether the hub takes bundles at all (intake and tenancy merged, key valid).
            HubClient.Outcome probe = client.submit(new StixBundleGenerator(seed - 1, ~marker, ~marker).next(perBundle).json(),
                    keys.get(0));
            SubmissionRun sustained = null;
            if (!probe.accepted()) {
                report.row("1-2 hub phases", "SKIPPED: a first submission got " + HubClient.explain(probe));
                failed |= probe.status() == 400;
            } else {
                Duration indexTimeout = options.duration("index-timeout", Duration.ofSeconds(120));
                HubPhases phases = new HubPhases(client, keys, perBundle, seed, es, Optional.ofNullable(hub), indexTimeout, report);
                if (engines.kafka.isPresent()) {
                    phases.warmUp(clients, options.duration("warm-up", Duration.ofSeconds(30)), marker - 1, engines.kafka.get());
                }
                sustained = phases.sustained(clients, options.duration("duration", Duration.ofSeconds(60)), marker);
                if (engines.kafka.isPresent() && !sustained.indexingFailed) {
                    failed |= !phases.awaitFullyProcessed(engines.kafka.get(), sustained, indexTimeout);
                }
                SubmissionRun fixed = phases.fixedRate(options.integer("rate", 100),
                        options.duration("latency-duration", Duration.ofSeconds(30)), marker + 1);
                failed |= sustained.indexingFailed || fixed.indexingFailed;
            }

            if (options.string("baselines").map(Boolean::parseBoolean).orElse(true)) {
                failed |= baselines(options, engines, es, sustained, clients, perBundle, seed, marker, report);
            } else {
                report.row("3-5 baselines", "SKIPPED: --baselines=false");
            }
        } catch (Exception | AssertionError e) {
            report.row("ERROR", e.toString());
            if (hub != null) {
                System.out.println("hub log " + hub.logFile() + " ends with:\n" + hub.tail(30));
            }
            e.printStackTrace(System.out);
            failed = true;
        } finally {
            if (hub != null) {
                hub.stop();
            }
            if (dataDir != null && !options.flag("keep-data") && !failed) {
                HubProcess.deleteDataDir(dataDir);
            }
            report.print();
        }
        return failed ? 1 : 0;
    }

    /** The raw engines on the same documents, and the hub's figures as ratios of theirs; true when one failed. */
    private static boolean baselines(BenchOptions options, Engines engines, Optional<ElasticsearchHttp> es,
            SubmissionRun sustained, int clients, int perBundle, long seed, int marker, Report report) throws Exception {
        boolean failed = false;
        List<StixBundleGenerator.Bundle> pool = pool(seed + 7, marker + 2,
                options.integer("baseline-docs", 200_000) / perBundle, perBundle);
        Optional<EngineBaselines.KafkaResult> kafka = Optional.empty();
        if (engines.kafka.isPresent()) {
            Duration duration = options.duration("baseline-duration", Duration.ofSeconds(20));
            OtherLoad others = OtherLoad.start();
            kafka = Optional.of(EngineBaselines.kafka(engines.kafka.get(), String.format("certhub-bench-%08x", marker),
                    options.integer("intake-partitions", 4), pool, clients, duration));
            EngineBaselines.KafkaResult k = kafka.get();
            report.row("3 raw Kafka", String.format(Locale.ROOT, "%,.0f records/s = %,.0f objects/s (%,d records in %.1f s, %d errors; "
                    + "%d threads, one producer: acks=all, idempotent, 64 KiB batches, linger 5 ms; producer JVM CPU %.1f s)",
                    k.recordsPerSecond(), k.objectsPerSecond(), k.records(), EngineBaselines.seconds(k.elapsed()), k.errors(), clients,
                    k.clientCpuSeconds())
                    + others.warning());
            failed |= k.errors() > 0;
        } else {
            report.row("3 raw Kafka", "SKIPPED: no --kafka");
        }
        Optional<EngineBaselines.ElasticsearchResult> elastic = Optional.empty();
        if (es.isPresent()) {
            OtherLoad others = OtherLoad.start();
            elastic = Optional.of(EngineBaselines.elasticsearch(es.get(), String.format("certhub-bench-%08x", marker), pool, 2, 1_000,
                    options.integer("baseline-warm-up-docs", 50_000) / 1_000));
            EngineBaselines.ElasticsearchResult e = elastic.get();
            report.row("4 raw Elasticsearch", String.format(Locale.ROOT, "%,.0f docs/s (%,d docs of %,d B avg in %.1f s; "
                    + "2 clients, 1,000 docs a bulk, 1 shard, 0 replicas, dynamic mapping, after a warm-up; client JVM CPU %.1f s)", e.docsPerSecond(), e.docs(),
                    e.bytes() / Math.max(1, e.docs()), EngineBaselines.seconds(e.elapsed()), e.clientCpuSeconds()) + others.warning());
        } else {
            report.row("4 raw Elasticsearch", "SKIPPED: no --elasticsearch");
        }
        report.row("5 ratios", ratios(sustained, kafka, elastic));
        return failed;
    }

    private static List<StixBundleGenerator.Bundle> pool(long seed, int marker, int bundles, int perBundle) {
        System.out.printf("Generating %,d bundles for the baselines ...%n", bundles);
        StixBundleGenerator generator = new StixBundleGenerator(seed, ((long) marker << 32) ^ 7, marker);
        List<StixBundleGenerator.Bundle> pool = new ArrayList<>(bundles);
        for (int i = 0; i < bundles; i++) {
            pool.add(generator.next(perBundle));
        }
        return pool;
    }

    private static String ratios(SubmissionRun sustained, Optional<EngineBaselines.KafkaResult> kafka,
            Optional<EngineBaselines.ElasticsearchResult> elastic) {
        if (sustained == null || sustained.acceptedObjects == 0) {
            return "n/a (no hub figures)";
        }
        String toEs = elastic.filter(e -> !Double.isNaN(sustained.endToEndObjectsPerSecond)).map(e -> String.format(Locale.ROOT,
                "hub end-to-end objects/s / raw ES docs/s = %.3f (the hub writes one document an object, its current version, plus its status and correlation documents)",
                sustained.endToEndObjectsPerSecond / e.docsPerSecond())).orElse("hub end-to-end / raw ES: n/a");
        String toKafka = kafka.map(k -> String.format(Locale.ROOT, "hub accepted objects/s / raw Kafka objects/s = %.3f",
                sustained.acceptedObjectsPerSecond() / k.objectsPerSecond())).orElse("hub accepted / raw Kafka: n/a");
        return toEs + "\n" + toKafka;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> java.util.function.Supplier<Optional<T>> optional(IoSupplier<T> supplier) {
        return () -> {
            try {
                return Optional.of(supplier.get());
            } catch (IOException | IllegalStateException e) {
                return Optional.empty();
            }
        };
    }

    private record Engines(String hub, Optional<String> kafka, Optional<String> elasticsearch, Optional<Path> credentials,
            String how) {
    }
}
