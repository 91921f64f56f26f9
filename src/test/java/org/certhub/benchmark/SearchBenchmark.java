package org.certhub.benchmark;

import org.certhub.EngineClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.benchmark.DemoCredentials.Submitter;
import org.certhub.correlation.internal.Correlation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * Search latency with a million objects indexed, run on demand:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.check=search -Dbench.args="--objects=1000000"
 * </pre>
 * Starts a hub as a child process, then fills its objects index directly with {@code --objects}
 * objects of the ingest benchmark's incident bundles (six CERTs, TLP GREEN, AMBER and RED mixed,
 * shared over the last 30 days), written with {@code _bulk} in exactly the documents the indexer
 * writes ({@link org.certhub.pipeline.IndexerDocuments}): the intake path is measured by the ingest
 * benchmark, and a million objects through it would take most of an hour here. Their sightings go
 * to the observations topic, and the hub's correlation engine correlates them. Then a mix of
 * responders' queries goes through the hub as the CERTs: {@code GET /api/v1/objects} (type
 * filter, observable value, text in four languages, CERT filter, time range, cursor paging), and
 * the correlation API (lists newest and by score, by CERT, paging, one correlation, a value's
 * sightings, a pasted list of 1,000 values, the dashboard), and the latency of each kind and of
 * all is printed (p50/p95/p99). Options: {@code --objects=1000000
 * --queries=3000 --warm-up=500 --clients=2 --seed=42 --hub-heap=<size, default: the JVM's> --keep-data}.
 */
public class SearchBenchmark {

    private static final Set<String> OPTIONS = Set.of("objects", "queries", "warm-up", "clients", "seed", "hub-heap", "keep-data");
    private static final String[] WORDS = {"фишинговая", "ФИШИНГОВАЯ рассылка", "шифрует файлы", "қаржы", "шабуылдаушылар",
        "勒索软件", "命令控制服务器", "ransomware", "beaconing VPS", "LockBit", "Cobalt Strike", "теневые копии"};
    private static final String[] TYPES = {"indicator", "incident", "malware", "attack-pattern", "observed-data", "relationship"};

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "search")
    void search() throws Exception {
        assertThat(run(BenchOptions.fromSystemProperty())).as("the benchmark's exit status (see its output)").isZero();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        QuietLogs.warningsOnly();
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        Report report = new Report("certhub search benchmark");
        Path dataDir = HubProcess.freshDataDir("search-");
        HubProcess hub = null;
        boolean failed = false;
        try {
            System.out.println("Starting a hub (data " + dataDir + ") ...");
            hub = HubProcess.start(dataDir, options.string("hub-heap"), Duration.ofMinutes(3));
            hub.awaitReady(Duration.ofMinutes(2));
            ElasticsearchHttp es = new ElasticsearchHttp(hub.elasticsearchUri());
            List<Submitter> certs = DemoCredentials.submitters(hub.credentialsFile(Duration.ofSeconds(30)).orElseThrow());
            report.header(String.format(Locale.ROOT, "hub %s, elasticsearch %s, %d CERTs; %d cores, load average %s",
                    hub.uri(), es.address(), certs.size(), Runtime.getRuntime().availableProcessors(), loadAverage()));

            int objects = options.integer("objects", 1_000_000);
            OtherLoad others = OtherLoad.start();
            MillionObjects.Loaded loaded;
            try (Producer<String, byte[]> sightings = sightingsProducer(hub.kafkaBootstrap())) {
                loaded = MillionObjects.load(es, sightings, certs.stream().map(Submitter::principal).toList(), objects,
                        options.longValue("seed", 42));
            }
            report.row("1 load", loaded.describe() + others.warning());
            failed |= loaded.indexed() < objects;
            failed |= !awaitCorrelated(hub, es, report);

            List<Query> mix = mix(loaded, certs, new Random(options.longValue("seed", 42) + 1));
            SearchLoad load = new SearchLoad(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), hub.uri());
            System.out.println("Warm-up ...");
            load.run(mix, options.integer("warm-up", 500), 1);
            int clients = options.integer("clients", 2);
            int queries = options.integer("queries", 3_000);
            System.out.printf("Measuring %,d queries with %d clients ...%n", queries, clients);
            others = OtherLoad.start();
            JsonNode before = es.searchStats("certhub-objects,certhub-correlations,certhub-correlation-members");
            SearchLoad.Result result = load.run(mix, queries, clients);
            JsonNode after = es.searchStats("certhub-objects,certhub-correlations,certhub-correlation-members");
            report.row("2 queries", String.format(Locale.ROOT, "%,d queries, %d clients, %.1f s = %.0f queries/s; errors: %d%s",
                    result.count(), clients, result.seconds(), result.count() / result.seconds(), result.errors(), others.warning()));
            report.row("", "all: p50 / p95 / p99 / max " + result.all().summary());
            report.row("", elasticsearchShare(before, after, result));
            result.byKind().forEach((kind, latencies) -> report.row("", String.format(Locale.ROOT, "%-14s %s (%,d)",
                    kind, latencies.summary(), latencies.count())));
            failed |= result.errors() > 0;
        } catch (Exception | AssertionError e) {
            report.row("ERROR", e.toString());
            if (hub != null) {
                report.row("", "hub log: " + hub.logFile() + "\n" + hub.tail(20));
            }
            failed = true;
        } finally {
            report.print();
            if (hub != null) {
                hub.stop();
            }
            if (options.string("keep-data").isEmpty()) {
                HubProcess.deleteDataDir(dataDir);
            }
        }
        return failed ? 1 : 0;
    }

    private static Producer<String, byte[]> sightingsProducer(String bootstrap) {
        Map<String, Object> config = EngineClients.kafka(bootstrap);
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new KafkaProducer<>(config);
    }

    /** Until the hub's correlation engine merged every sighting the load published; how many correlations that made. */
    private static boolean awaitCorrelated(HubProcess hub, ElasticsearchHttp es, Report report) throws Exception {
        System.out.println("Correlating the loaded objects' sightings ...");
        long started = System.nanoTime();
        try (ConsumerLag lag = new ConsumerLag(hub.kafkaBootstrap())) {
            Optional<Long> caughtUp = lag.awaitCaughtUp(Duration.ofMinutes(2));
            if (caughtUp.isEmpty()) {
                report.row("", "FAILED: the correlation engine did not catch up; consumer lag " + lag.byGroup());
                return false;
            }
            es.refresh("certhub-correlations");
            report.row("", String.format(Locale.ROOT, "the hub's correlation engine (merging while the load ran) caught up "
                    + "%.1f s after it: %,d correlations (two or more members), %,d values seen once", (caughtUp.get() - started) / 1e9,
                    es.count("certhub-correlations", "{\"range\":{\"member_count\":{\"gte\":2}}}"),
                    es.count("certhub-correlations", "{\"range\":{\"member_count\":{\"lte\":1}}}")));
            return true;
        }
    }

    /**
     * Where the time went: Elasticsearch's own query and fetch time per search (its statistics),
     * against the mean latency the clients saw; the rest is the hub and waiting for a core.
     */
    private static String elasticsearchShare(JsonNode before, JsonNode after, SearchLoad.Result result) {
        long searches = after.path("query_total").asLong() - before.path("query_total").asLong();
        double query = (after.path("query_time_in_millis").asLong() - before.path("query_time_in_millis").asLong())
                / (double) Math.max(1, searches);
        double fetch = (after.path("fetch_time_in_millis").asLong() - before.path("fetch_time_in_millis").asLong())
                / (double) Math.max(1, searches);
        return String.format(Locale.ROOT, "stages: Elasticsearch query %.1f ms + fetch %.1f ms a search on average (%,d searches); "
                + "mean latency at the client %.1f ms, the rest is HTTP, the hub (security, JSON) and waiting for a core",
                query, fetch, searches, result.all().mean());
    }

    /** One kind of responder query: a path with its parameters, whether to follow its cursor, and a JSON body to POST. */
    record Query(String kind, String apiKey, String path, int pages, String body) {

        Query(String kind, String apiKey, String path, int pages) {
            this(kind, apiKey, path, pages, null);
        }
    }

    /** A realistic mix: what a responder on a dashboard and during an investigation asks for. */
    static List<Query> mix(MillionObjects.Loaded loaded, List<Submitter> certs, Random random) {
        List<Query> mix = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Submitter me = certs.get(random.nextInt(certs.size()));
            Submitter other = certs.get(random.nextInt(certs.size()));
            String type = TYPES[random.nextInt(TYPES.length)];
            String word = encode(WORDS[random.nextInt(WORDS.length)]);
            String since = Instant.now().minus(Duration.ofHours(1 + random.nextInt(72))).toString();
            mix.add(new Query("latest", me.apiKey(), "/api/v1/objects?limit=50", 1));
            mix.add(new Query("type", me.apiKey(), "/api/v1/objects?type=" + type + "&limit=50", 1));
            mix.add(new Query("value-ip", me.apiKey(), "/api/v1/objects?value=" + pick(loaded.ips(), random), 1));
            mix.add(new Query("value-domain", me.apiKey(), "/api/v1/objects?value=" + pick(loaded.domains(), random), 1));
            mix.add(new Query("value-sha256", me.apiKey(), "/api/v1/objects?value=" + pick(loaded.hashes(), random), 1));
            mix.add(new Query("text", me.apiKey(), "/api/v1/objects?q=" + word + "&limit=20", 1));
            mix.add(new Query("text+type", me.apiKey(), "/api/v1/objects?q=" + word + "&type=" + type + "&limit=20", 1));
            mix.add(new Query("cert+type", me.apiKey(), "/api/v1/objects?cert=" + other.principal() + "&type=incident&limit=50", 1));
            mix.add(new Query("since+type", me.apiKey(), "/api/v1/objects?since=" + since + "&type=" + type + "&limit=100", 1));
            mix.add(new Query("paging", me.apiKey(), "/api/v1/objects?type=" + type + "&limit=100", 5));
            correlationQueries(mix, loaded, me, other, random);
        }
        return mix;
    }

    /** The correlation side of the mix: lists, one correlation, a value's sightings, a pasted list, the dashboard. */
    private static void correlationQueries(List<Query> mix, MillionObjects.Loaded loaded, Submitter me, Submitter other,
            Random random) {
        mix.add(new Query("corr-latest", me.apiKey(), "/api/v1/correlations?limit=50", 1));
        mix.add(new Query("corr-score", me.apiKey(), "/api/v1/correlations?sort=score&limit=50", 1));
        mix.add(new Query("corr-cert", me.apiKey(), "/api/v1/correlations?cert=" + other.principal() + "&min_certs=2&limit=50", 1));
        mix.add(new Query("corr-paging", me.apiKey(), "/api/v1/correlations?limit=100", 5));
        if (!loaded.ips().isEmpty()) {
            String ip = loaded.ips().get(random.nextInt(loaded.ips().size()));
            mix.add(new Query("corr-one", me.apiKey(), "/api/v1/correlations/" + Correlation.idOf("ipv4:" + ip), 1));
        }
        mix.add(new Query("seen-ip", me.apiKey(), "/api/v1/observables?value=" + pick(loaded.ips(), random), 1));
        mix.add(new Query("seen-sha256", me.apiKey(), "/api/v1/observables?value=" + pick(loaded.hashes(), random), 1));
        mix.add(new Query("stats", me.apiKey(), "/api/v1/stats", 1));
        if (random.nextInt(4) == 0) {
            mix.add(new Query("lookup-1000", me.apiKey(), "/api/v1/observables/lookup", 1, pasted(loaded, random)));
        }
    }

    /** A thousand values as a responder pastes them: sampled addresses, domains and hashes, and some never seen. */
    private static String pasted(MillionObjects.Loaded loaded, Random random) {
        List<String> pool = new ArrayList<>(loaded.ips());
        pool.addAll(loaded.domains());
        pool.addAll(loaded.hashes());
        tools.jackson.databind.node.ArrayNode values = ElasticsearchHttp.JSON.createArrayNode();
        for (int i = 0; i < 1_000; i++) {
            values.add(pool.isEmpty() || random.nextInt(5) == 0 ? "never-seen-" + random.nextInt(1_000_000) + ".example.kz"
                    : pool.get(random.nextInt(pool.size())));
        }
        return "{\"values\":" + values + "}";
    }

    private static String pick(List<String> values, Random random) {
        return values.isEmpty() ? "none" : encode(values.get(random.nextInt(values.size())));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Sends the mix round-robin from several clients and records each request's latency by kind. */
    static final class SearchLoad {

        record Result(long count, double seconds, long errors, Latencies all, Map<String, Latencies> byKind) {
        }

        private final HttpClient http;
        private final URI hub;

        SearchLoad(HttpClient http, URI hub) {
            this.http = http;
            this.hub = hub;
        }

        Result run(List<Query> mix, int queries, int clients) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicLong next = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            List<Future<Map<String, Latencies>>> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    Map<String, Latencies> mine = new TreeMap<>();
                    for (long i = next.getAndIncrement(); i < queries; i = next.getAndIncrement()) {
                        Query query = mix.get((int) (i % mix.size()));
                        String path = query.path();
                        for (int page = 1; page <= query.pages() && path != null; page++) {
                            long t0 = System.nanoTime();
                            HttpRequest.Builder request = HttpRequest.newBuilder(hub.resolve(path)).timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + query.apiKey());
                            if (query.body() != null) {
                                request.header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(query.body()));
                            }
                            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                            long nanos = System.nanoTime() - t0;
                            String kind = query.pages() > 1 ? query.kind() + "-" + page : query.kind();
                            mine.computeIfAbsent(kind, k -> new Latencies()).record(nanos);
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                break;
                            }
                            path = nextPage(query.path(), response.body());
                        }
                    }
                    return mine;
                }));
            }
            Map<String, Latencies> byKind = new TreeMap<>();
            Latencies all = new Latencies();
            for (Future<Map<String, Latencies>> worker : workers) {
                worker.get().forEach((kind, latencies) -> {
                    byKind.computeIfAbsent(kind, k -> new Latencies()).add(latencies);
                    all.add(latencies);
                });
            }
            pool.shutdown();
            return new Result(all.count(), (System.nanoTime() - started) / 1e9, errors.get(), all, byKind);
        }

        private static String nextPage(String path, byte[] body) {
            JsonNode next = ElasticsearchHttp.JSON.readTree(body).path("next");
            return next.isString() ? path + "&cursor=" + next.asString() : null;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "(unknown)";
        }
    }
}
