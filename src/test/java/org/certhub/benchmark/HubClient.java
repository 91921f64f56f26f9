package org.certhub.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Submits bundles to the hub's {@code POST /api/v1/bundles} with one shared HTTP/1.1 client (its own
 * executor: the callers' threads block in {@code send}, and the client needs threads of its own to
 * complete their exchanges).
 */
final class HubClient {

    static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What one submission got: the HTTP status, or 0 and the failure's name when no answer came.
     *
     * @param nanos from the request's (intended) start to the answer
     */
    record Outcome(int status, String failure, long nanos, String body) {

        boolean accepted() {
            return status == 202;
        }

        /** "202", "503", or the exception's simple name ("ConnectException"). */
        String key() {
            return status > 0 ? String.valueOf(status) : failure;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI bundles;

    HubClient(URI hub) {
        this.bundles = hub.resolve("/api/v1/bundles");
    }

    /** Submits and waits for the answer; never throws for an I/O failure (it is the outcome). */
    Outcome submit(byte[] bundle, String apiKey) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request(bundle, apiKey), HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), "", System.nanoTime() - started, response.body());
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName(), System.nanoTime() - started, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "Interrupted", System.nanoTime() - started, "");
        }
    }

    /** Submits without waiting; the latency counts from {@code intendedStartNanos} (open-loop: queueing is latency). */
    CompletableFuture<Outcome> submitAsync(byte[] bundle, String apiKey, long intendedStartNanos) {
        return http.sendAsync(request(bundle, apiKey), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long nanos = System.nanoTime() - intendedStartNanos;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new Outcome(0, cause.getClass().getSimpleName(), nanos, String.valueOf(cause.getMessage()));
                    }
                    return new Outcome(response.statusCode(), "", nanos, response.body());
                });
    }

    private HttpRequest request(byte[] bundle, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bundles).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", STIX_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle));
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request.build();
    }

    /** What a first answer other than 202 means, for an operator reading the report. */
    static String explain(Outcome outcome) {
        return switch (outcome.status()) {
            case 202 -> "accepted";
            case 404 -> "404: the hub has no POST /api/v1/bundles yet (is intake merged into this build?)";
            case 401 -> "401: the API key was refused or no key is known (is tenancy merged; was demo-credentials.json written?)";
            case 403 -> "403: the principal may not submit (role 'submitter' missing?)";
            case 400 -> "400: the hub found the generated bundle invalid, a bug of the generator: " + abbreviate(outcome.body());
            case 0 -> "no answer: " + outcome.failure() + " " + outcome.body();
            default -> outcome.status() + ": " + abbreviate(outcome.body());
        };
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 600 ? flat : flat.substring(0, 600) + "...";
    }
}
