package org.certhub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * TAXII paging benchmark, on demand:
 * <pre>
 * ./mvnw -B -q -Pbenchmark verify -Dbench.check=taxii -Dbench.args="--objects=1000000"
 * </pre>
 * Starts a hub on free ports with a fresh data dir, loads {@code --objects} TLP:GREEN objects of
 * ~1 KiB <em>directly into Elasticsearch's objects index</em>, in the indexer's document format
 * (loading a million through the hub's intake would take ~6 minutes here), then, as the partner
 * {@code regional-soc} over HTTP Basic, pages the {@code community} collection with
 * {@code limit=--limit}: the whole collection once (objects/s), and page 1 and page
 * {@code --page} again {@code --repeats} times each with the tokens kept from the walk (median ms).
 * A page's cost must not grow with its number (target: page 900 within 2x of page 1), and the
 * walk should reach 20,000 objects/s.
 */
public class TaxiiPagingBenchmark {

    private static final Set<String> OPTIONS = Set.of("objects", "limit", "page", "repeats", "hub-heap", "keep-data");
    private static final String COLLECTION = "community";

    @Test
    @EnabledIfSystemProperty(named = "bench.check", matches = "taxii")
    void taxiiPaging() throws Exception {
        assertThat(run(BenchOptions.fromSystemProperty())).as("the benchmark's exit status (see its output)").isZero();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        QuietLogs.warningsOnly();
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int objects = options.integer("objects", 1_000_000);
        int limit = options.integer("limit", 1_000);
        int farPage = options.integer("page", 900);
        int repeats = options.integer("repeats", 7);
        Report report = new Report("certhub TAXII paging benchmark");
        Path dataDir = HubProcess.freshDataDir("taxii-");
        HubProcess hub = null;
        boolean failed = false;
        try {
            System.out.println("Starting a hub (data " + dataDir + ") ...");
            hub = HubProcess.start(dataDir, options.string("hub-heap"), Duration.ofMinutes(3));
            hub.awaitReady(Duration.ofMinutes(2));
            ElasticsearchHttp es = new ElasticsearchHttp(hub.elasticsearchUri());
            String partner = "Basic " + Base64.getEncoder().encodeToString(("regional-soc:" + key(hub, "regional-soc"))
                    .getBytes(StandardCharsets.UTF_8));
            report.header(String.format(Locale.ROOT, "hub %s, elasticsearch %s; %,d objects, limit %d; %d cores",
                    hub.uri(), es.address(), objects, limit, Runtime.getRuntime().availableProcessors()));

            OtherLoad loadOthers = OtherLoad.start();
            long loadStarted = System.nanoTime();
            load(es, objects);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            report.row("load (direct to ES)", String.format(Locale.ROOT, "%,d objects in %.1f s = %,.0f docs/s%s",
                    objects, loadSeconds, objects / loadSeconds, loadOthers.warning()));

            Taxii taxii = new Taxii(hub.uri(), partner, limit);
            taxii.page(null);
            OtherLoad walkOthers = OtherLoad.start();
            long walkStarted = System.nanoTime();
            List<String> tokens = new ArrayList<>();
            long seen = 0;
            String next = null;
            do {
                tokens.add(next);
                Taxii.Page page = taxii.page(next);
                seen += page.objects();
                next = page.next();
            } while (next != null);
            double walkSeconds = (System.nanoTime() - walkStarted) / 1e9;
            report.row("whole collection", String.format(Locale.ROOT, "%,d objects in %,d pages in %.1f s = %,.0f objects/s%s",
                    seen, tokens.size(), walkSeconds, seen / walkSeconds, walkOthers.warning()));
            failed |= seen != objects;

            OtherLoad pageOthers = OtherLoad.start();
            double first = taxii.medianMillis(tokens.get(0), repeats);
            double far = tokens.size() >= farPage ? taxii.medianMillis(tokens.get(farPage - 1), repeats) : Double.NaN;
            report.row("page 1 vs page " + farPage, String.format(Locale.ROOT,
                    "page 1 median %.1f ms, page %d median %.1f ms (ratio %.2f; %d requests each)%s", first, farPage, far,
                    far / first, repeats, pageOthers.warning()));
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
            if (!options.flag("keep-data") && !failed) {
                HubProcess.deleteDataDir(dataDir);
            }
            report.print();
        }
        return failed ? 1 : 0;
    }

    private static String key(HubProcess hub, String principal) throws IOException {
        Path file = hub.credentialsFile(Duration.ofSeconds(30)).orElseThrow(() -> new IllegalStateException("no credentials"));
        for (JsonNode entry : ElasticsearchHttp.JSON.readTree(file.toFile())) {
            if (entry.path("principal").asString().equals(principal)) {
                return entry.path("apiKey").asString();
            }
        }
        throw new IllegalStateException("no key for " + principal);
    }

    /** Two clients, 2,000 documents a bulk, refresh off while loading, as the indexer writes them. */
    private static void load(ElasticsearchHttp es, int objects) throws Exception {
        es.call("PUT", "certhub-objects/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        int perBulk = 2_000;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int start = 0; start < objects; start += perBulk) {
                int from = start;
                int to = Math.min(objects, start + perBulk);
                work.add(clients.submit(() -> {
                    JsonNode result = es.bulk("certhub-objects", bulk(base, from, to));
                    if (result.path("errors").asBoolean()) {
                        throw new IllegalStateException("bulk failed: " + result.toString().substring(0, 300));
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        es.call("PUT", "certhub-objects/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
        es.refresh("certhub-objects");
    }

    private static byte[] bulk(Instant base, int from, int to) {
        StringBuilder ndjson = new StringBuilder((to - from) * 1_600);
        String filler = "Observed in a campaign against the energy sector; infrastructure rotates weekly. ".repeat(9);
        for (int i = from; i < to; i++) {
            String id = "indicator--" + new UUID(0x5eedL << 32 | i, i).toString();
            String added = base.plus(i, ChronoUnit.MICROS).toString();
            String object = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id
                    + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\","
                    + "\"name\":\"bench " + i + "\",\"description\":\"" + filler + "\",\"indicator_types\":[\"malicious-activity\"],"
                    + "\"pattern\":\"[ipv4-addr:value = '198.51." + (i >> 8 & 255) + "." + (i & 255) + "']\",\"pattern_type\":\"stix\","
                    + "\"valid_from\":\"2026-11-01T10:00:00Z\",\"created_by_ref\":\"identity--00000000-0000-4000-8000-000000000001\","
                    + "\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}";
            ndjson.append("{\"index\":{\"_id\":\"kz-cert/").append(id).append("\"}}\n")
                    .append("{\"stix_id\":\"").append(id).append("\",\"type\":\"indicator\",\"owner\":\"kz-cert\",")
                    .append("\"tlp\":\"TLP:GREEN\",\"created_by_ref\":\"identity--00000000-0000-4000-8000-000000000001\",")
                    .append("\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",")
                    .append("\"received_at\":\"").append(added).append("\",\"date_added\":\"").append(added)
                    .append("\",\"submission_id\":\"bench\",\"bundle_id\":\"bundle--bench\",\"name\":\"bench ").append(i)
                    .append("\",\"observables\":{\"values\":[\"198.51.").append(i >> 8 & 255).append('.').append(i & 255)
                    .append("\"]},\"object\":").append(object).append("}\n");
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A TAXII client that reads only what paging needs: the {@code next} token, and counts objects. */
    private static final class Taxii {

        record Page(int objects, String next) {
        }

        private static final byte[] OBJECT_START = "{\"type\":\"indicator\"".getBytes(StandardCharsets.UTF_8);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI objects;
        private final String authorization;

        Taxii(URI hub, String authorization, int limit) {
            this.objects = hub.resolve("/taxii2/api/collections/" + COLLECTION + "/objects/?limit=" + limit);
            this.authorization = authorization;
        }

        Page page(String next) throws IOException, InterruptedException {
            URI uri = next == null ? objects : URI.create(objects + "&next=" + next);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                    .header("Accept", "application/taxii+json;version=2.1").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("page answered " + response.statusCode() + ": "
                        + new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8));
            }
            return new Page(count(response.body()), nextOf(response.body()));
        }

        double medianMillis(String token, int repeats) throws IOException, InterruptedException {
            double[] millis = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long started = System.nanoTime();
                page(token);
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            return millis[repeats / 2];
        }

        /** {@code more} and {@code next} come before {@code objects}: no need to parse a megabyte of JSON. */
        private static String nextOf(byte[] body) {
            String head = new String(body, 0, Math.min(body.length, 2_000), StandardCharsets.UTF_8);
            int at = head.indexOf("\"next\":\"");
            if (at < 0) {
                return null;
            }
            int from = at + "\"next\":\"".length();
            return head.substring(from, head.indexOf('"', from));
        }

        private static int count(byte[] body) {
            int count = 0;
            outer:
            for (int i = 0; i <= body.length - OBJECT_START.length; i++) {
                for (int j = 0; j < OBJECT_START.length; j++) {
                    if (body[i + j] != OBJECT_START[j]) {
                        continue outer;
                    }
                }
                count++;
            }
            return count;
        }
    }
}
