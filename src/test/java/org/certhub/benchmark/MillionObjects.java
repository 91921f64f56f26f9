package org.certhub.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.correlation.ObservationRecorded;
import org.certhub.correlation.Sightings;
import org.certhub.intake.BundleAccepted;
import org.certhub.pipeline.IndexerDocuments;
import org.certhub.stix.Tlp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the hub's objects index directly with generated incident bundles, in the indexer's own
 * documents, through {@code _bulk} (refresh off while loading, back on after), and keeps a sample
 * of the observable values it wrote for the queries. Each bundle's sightings, as the first
 * correlation stage would have published them ({@link Sightings}), go to the observations topic,
 * so that the hub's own correlation engine correlates the million objects.
 */
final class MillionObjects {

    private static final String INDEX = "certhub-objects";
    private static final int OBJECTS_PER_BUNDLE = 12;
    private static final int BULK_DOCS = 2_000;
    private static final int THREADS = 2;
    private static final String OBSERVATIONS = "certhub.observations";

    /** What was loaded: counts, time, and sampled values to query for. */
    record Loaded(long indexed, long bytes, Duration took, long failures, long sightings, List<String> ips,
            List<String> domains, List<String> hashes) {

        String describe() {
            return String.format(Locale.ROOT, "%,d objects indexed directly via _bulk (%,d B of documents, %,d B each on average; "
                    + "%d failures) in %.1f s = %,.0f docs/s; TLP GREEN 70%%, AMBER 20%%, RED 10%% by bundle, "
                    + "owners spread over the demo CERTs, shared over the last 30 days; %,d sightings published for correlation",
                    indexed, bytes, bytes / Math.max(1, indexed), failures, took.toMillis() / 1e3,
                    indexed / Math.max(0.001, took.toMillis() / 1e3), sightings);
        }
    }

    private MillionObjects() {
    }

    static Loaded load(ElasticsearchHttp es, Producer<String, byte[]> sightings, List<String> owners, int objects, long seed)
            throws Exception {
        System.out.printf("Loading %,d objects into %s ...%n", objects, INDEX);
        es.putSettings(INDEX, "{\"index\":{\"refresh_interval\":\"-1\"}}");
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Part>> parts = new ArrayList<>();
        int bundles = (objects + OBJECTS_PER_BUNDLE - 1) / OBJECTS_PER_BUNDLE;
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            parts.add(pool.submit(() -> loadPart(es, sightings, owners, bundles / THREADS + (thread < bundles % THREADS ? 1 : 0),
                    seed + thread)));
        }
        Part total = new Part();
        for (Future<Part> part : parts) {
            total.add(part.get());
        }
        pool.shutdown();
        sightings.flush();
        es.putSettings(INDEX, "{\"index\":{\"refresh_interval\":null}}");
        es.refresh(INDEX);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long indexed = es.count(INDEX, "{\"match_all\":{}}");
        return new Loaded(indexed, total.bytes, took, total.failures, total.sightings, total.ips, total.domains, total.hashes);
    }

    private static Part loadPart(ElasticsearchHttp es, Producer<String, byte[]> sightings, List<String> owners, int bundles,
            long seed) throws Exception {
        StixBundleGenerator generator = new StixBundleGenerator(seed, seed * 31 + 7, (int) seed);
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = Instant.now();
        Part part = new Part();
        ByteArrayOutputStream bulk = new ByteArrayOutputStream(BULK_DOCS * 3_000);
        int inBulk = 0;
        for (int b = 0; b < bundles; b++) {
            StixBundleGenerator.Bundle bundle = generator.next(OBJECTS_PER_BUNDLE);
            String owner = owners.get(random.nextInt(owners.size()));
            Instant received = now.minusMillis(random.nextLong(Duration.ofDays(30).toMillis()));
            BundleAccepted accepted = new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(), bundle.id(),
                    owner, received, bundle.objects().size(), new byte[0]);
            Tlp tlp = tlp(random.nextInt(10));
            ObjectNode marked = ElasticsearchHttp.JSON.createObjectNode();
            ArrayNode objects = marked.putArray("objects");
            for (StixBundleGenerator.StixObject stix : bundle.objects()) {
                ObjectNode object = (ObjectNode) ElasticsearchHttp.JSON.readTree(stix.json());
                object.putArray("object_marking_refs").add(tlp.markingDefinitionId());
                objects.add(object);
                IndexerDocuments.Current doc = IndexerDocuments.current(object, accepted);
                bulk.writeBytes(("{\"index\":{\"_id\":" + ElasticsearchHttp.JSON.writeValueAsString(doc.id()) + "}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                bulk.writeBytes(doc.json());
                bulk.write('\n');
                part.bytes += doc.json().length;
                inBulk++;
                if (random.nextInt(500) == 0) {
                    part.sample(object);
                }
            }
            for (ObservationRecorded sighting : Sightings.of(accepted, marked)) {
                sightings.send(new ProducerRecord<>(OBSERVATIONS, sighting.key(), sighting.toJson()));
                part.sightings++;
            }
            if (inBulk >= BULK_DOCS || b == bundles - 1) {
                JsonNode answer = es.bulk(INDEX, bulk.toByteArray());
                if (answer.path("errors").asBoolean(false)) {
                    part.failures += answer.path("items").size();
                }
                bulk.reset();
                inBulk = 0;
            }
            if (b > 0 && b % 10_000 == 0) {
                System.out.printf("  %,d objects written by one loader%n", (long) b * OBJECTS_PER_BUNDLE);
            }
        }
        return part;
    }

    private static Tlp tlp(int tenth) {
        return tenth < 7 ? Tlp.GREEN : tenth < 9 ? Tlp.AMBER : Tlp.RED;
    }

    /** One loader's counts and samples. */
    private static final class Part {
        long bytes;
        long failures;
        long sightings;
        final List<String> ips = new ArrayList<>();
        final List<String> domains = new ArrayList<>();
        final List<String> hashes = new ArrayList<>();

        void sample(JsonNode object) {
            switch (object.path("type").asString("")) {
                case "ipv4-addr" -> ips.add(object.path("value").asString());
                case "domain-name" -> domains.add(object.path("value").asString());
                case "file" -> hashes.add(object.path("hashes").path("SHA-256").asString());
                default -> {
                    return;
                }
            }
        }

        void add(Part other) {
            bytes += other.bytes;
            failures += other.failures;
            sightings += other.sightings;
            ips.addAll(other.ips);
            domains.addAll(other.domains);
            hashes.addAll(other.hashes);
        }
    }
}
