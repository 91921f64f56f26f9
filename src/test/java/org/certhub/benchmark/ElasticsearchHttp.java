package org.certhub.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few Elasticsearch calls the tools make, as plain HTTP (no client overhead in the baseline).
 * Credentials may ride in the URL ({@code http://user:password@host:9200}).
 */
final class ElasticsearchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Optional<String> authorization;

    ElasticsearchHttp(String uri) {
        URI parsed = URI.create(uri.endsWith("/") ? uri : uri + "/");
        this.authorization = Optional.ofNullable(parsed.getUserInfo()).map(user ->
                "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        this.base = URI.create(parsed.getScheme() + "://" + parsed.getHost() + ":" + parsed.getPort() + "/");
    }

    String address() {
        return base.toString();
    }

    /** Whether the cluster answers {@code _cluster/health} within a few seconds. */
    boolean reachable() {
        try {
            return call("GET", "_cluster/health?timeout=5s", "").has("status");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Documents of {@code index} (an alias or a pattern) matching {@code query} (a query clause, JSON). */
    long count(String index, String query) throws IOException {
        return call("POST", index + "/_count?ignore_unavailable=true", "{\"query\":" + query + "}").path("count").asLong();
    }

    void createIndex(String index, String body) throws IOException {
        call("PUT", index, body);
    }

    void deleteIndex(String index) throws IOException {
        send("DELETE", index + "?ignore_unavailable=true", "application/json", new byte[0]);
    }

    void refresh(String index) throws IOException {
        call("POST", index + "/_refresh?ignore_unavailable=true", "");
    }

    /** A {@code _bulk} of NDJSON; only failed items come back ({@code filter_path}). */
    JsonNode bulk(String index, byte[] ndjson) throws IOException {
        HttpResponse<byte[]> response = send("POST", index + "/_bulk?filter_path=errors,items.*.error",
                "application/x-ndjson", ndjson);
        return JSON.readTree(response.body());
    }

    /** Every hit of {@code query} in {@code index}, with only {@code fields} of the source, by scrolling. */
    List<JsonNode> scrollAll(String index, String query, List<String> fields) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 5_000).set("query", JSON.readTree(query));
        fields.forEach(body.putArray("_source")::add);
        List<JsonNode> hits = new ArrayList<>();
        JsonNode page = call("POST", index + "/_search?scroll=2m&ignore_unavailable=true", body.toString());
        while (page.path("hits").path("hits").size() > 0) {
            page.path("hits").path("hits").forEach(hits::add);
            ObjectNode next = JSON.createObjectNode().put("scroll", "2m").put("scroll_id", page.path("_scroll_id").asString());
            page = call("POST", "_search/scroll", next.toString());
        }
        if (page.hasNonNull("_scroll_id")) {
            send("DELETE", "_search/scroll", "application/json",
                    JSON.createObjectNode().put("scroll_id", page.path("_scroll_id").asString()).toString().getBytes(StandardCharsets.UTF_8));
        }
        return hits;
    }

    JsonNode call(String method, String path, String body) throws IOException {
        HttpResponse<byte[]> response = send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                        + HubClient.abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
