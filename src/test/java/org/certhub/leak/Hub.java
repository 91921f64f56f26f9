package org.certhub.leak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hub under test over real HTTP, as an API client (Bearer or Basic) or a signed-in console session. */
final class Hub {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    Hub(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    Reply get(String path, String apiKey) {
        return send("GET", path, "Bearer " + apiKey, null, null, null);
    }

    Reply head(String path, String apiKey) {
        return send("HEAD", path, "Bearer " + apiKey, null, null, null);
    }

    Reply taxii(String method, String path, String principal, String apiKey) {
        String basic = Base64.getEncoder().encodeToString((principal + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
        return send(method, path, "Basic " + basic, null, null, "application/taxii+json;version=2.1");
    }

    Reply post(String path, String apiKey, String json) {
        return send("POST", path, "Bearer " + apiKey, json, "application/json", null);
    }

    Reply put(String path, String apiKey, String json) {
        return send("PUT", path, "Bearer " + apiKey, json, "application/json", null);
    }

    Reply page(String path, String cookie) {
        return send("GET", path, null, null, null, null, cookie);
    }

    Reply form(String path, String cookie, String form) {
        return send("POST", path, null, form, "application/x-www-form-urlencoded", null, cookie);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(Reply reply) {
        return JSON.readTree(reply.body());
    }

    private Reply send(String method, String path, String authorization, String body, String contentType, String accept) {
        return send(method, path, authorization, body, contentType, accept, null);
    }

    private Reply send(String method, String path, String authorization, String body, String contentType, String accept,
            String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
