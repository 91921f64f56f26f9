package org.certhub.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.certhub.benchmark.DemoCredentials.Submitter;

/**
 * Measures how soon a new cross-CERT match is visible: at a steady pace, one CERT reports an
 * address no one has reported, a few seconds later a second CERT reports it too, and from the
 * moment that second submission starts, the second CERT polls {@code GET /api/v1/correlations?value=}
 * every 100 ms (every 250 ms after the first 3 s, so that a hub that fell behind is not flooded)
 * until the correlation is there. The latency includes the 202, both pipeline stages
 * and the refresh of the correlations index.
 */
final class MatchProbe {

    private static final Duration SEED_AHEAD = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final HubClient submissions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI hub;
    private final Submitter first;
    private final Submitter second;
    private final String prefix;
    private final Latencies latencies = new Latencies();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    // One poller per match in flight (a fixed pool would queue them, and their clocks run while queued).
    private final ExecutorService pollers = Executors.newCachedThreadPool();

    /** @param prefix the first two octets of the probe's addresses, e.g. "45.17" (unique per run) */
    MatchProbe(HubClient submissions, URI hub, Submitter first, Submitter second, String prefix) {
        this.submissions = submissions;
        this.hub = hub;
        this.first = first;
        this.second = second;
        this.prefix = prefix;
    }

    /** Starts probing, one new match every {@code interval}. */
    MatchProbe start(Duration interval) {
        long leadMillis = SEED_AHEAD.toMillis();
        pace.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            // The first CERT's sighting goes in SEED_AHEAD before the second one's.
            submit(first, address(n + (int) (leadMillis / interval.toMillis()) + 1));
            if (n == 0) {
                for (int i = 1; i <= leadMillis / interval.toMillis(); i++) {
                    submit(first, address(i));
                }
                submit(first, address(0));
                HubProcess.pause(leadMillis);
            }
            long started = System.nanoTime();
            String ip = address(n);
            if (!submit(second, ip)) {
                return;
            }
            pollers.submit(() -> awaitVisible(ip, started));
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops sending new matches and waits for the ones in flight. */
    String stop() throws InterruptedException {
        pace.shutdown();
        pace.awaitTermination(1, TimeUnit.MINUTES);
        pollers.shutdown();
        pollers.awaitTermination(GIVE_UP.toSeconds() + 10, TimeUnit.SECONDS);
        return String.format(Locale.ROOT, "%,d new cross-CERT matches (%s then %s): visible p50 / p95 / p99 / max %s; "
                + "not visible within %d s: %d; submissions refused: %d",
                latencies.count() + missed.get(), first.principal(), second.principal(), latencies.summary(),
                GIVE_UP.toSeconds(), missed.get(), refused.get());
    }

    Latencies latencies() {
        return latencies;
    }

    /** Matches not visible within the give-up time. */
    long missed() {
        return missed.get();
    }

    private String address(int n) {
        return prefix + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private boolean submit(Submitter cert, String ip) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":\"indicator\","
                + "\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID() + "\",\"created\":\"2026-11-01T10:00:00.000Z\","
                + "\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"C2 " + ip + "\",\"pattern_type\":\"stix\","
                + "\"pattern\":\"[ipv4-addr:value = '" + ip + "']\",\"valid_from\":\"2026-11-01T10:00:00Z\","
                + "\"object_marking_refs\":[\"" + StixBundleGenerator.TLP_GREEN + "\"]}]}";
        boolean accepted = submissions.submit(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8), cert.apiKey()).accepted();
        if (!accepted) {
            refused.incrementAndGet();
        }
        return accepted;
    }

    private void awaitVisible(String ip, long started) {
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/v1/correlations?limit=1&value=" + ip))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + second.apiKey()).GET().build();
        while (System.nanoTime() - started < GIVE_UP.toNanos()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"" + ip + "\"")) {
                    latencies.record(System.nanoTime() - started);
                    return;
                }
            } catch (java.io.IOException e) {
                // the hub is busy or restarting: keep polling until GIVE_UP
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // 100 ms: the figures are that much coarser, but polling every 20 ms made the probe itself
            // a load of ~300 searches/s (one poller per match in flight) that slowed what it measured.
            HubProcess.pause(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3) ? 100 : 250);
        }
        missed.incrementAndGet();
    }
}
