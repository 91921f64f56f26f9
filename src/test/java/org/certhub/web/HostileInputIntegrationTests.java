package org.certhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certhub.DemoKeys;
import org.certhub.HubIntegrationTest;
import org.certhub.TestBundles;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.TenancyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile requests over every route of the HTTP API, TAXII and the console: query values
 * that are not UTF-8, instants that overflow, integers beyond their type, odd Unicode, truncated,
 * huge and deeply nested bodies, header abuse, forged tokens, and every role's key. None may get a
 * 5xx or take more than a second (a slow one is asked again alone and must then be fast), and the
 * hub must still be healthy and accept a good bundle afterwards. Seeded: {@code -Dhostile.seed=} replays a run, {@code -Dhostile.count=} sets its size.
 */
@HubIntegrationTest
class HostileInputIntegrationTests {

    private static final long SEED = longProperty("hostile.seed", 20261207L);
    private static final int COUNT = (int) longProperty("hostile.count", 10_000L);
    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final int THREADS = 4;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every route, with its methods and parameters; {id} is replaced by a generated path segment. */
    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/me", List.of("GET")),
            new Route("/api/v1/bundles", List.of("POST")),
            new Route("/api/v1/status/{id}", List.of("GET")),
            new Route("/api/v1/objects/{id}", List.of("GET"), "versions"),
            new Route("/api/v1/objects", List.of("GET"), "type", "cert", "value", "q", "since", "until", "limit", "cursor"),
            new Route("/api/v1/correlations", List.of("GET"), "cert", "type", "value", "min_certs", "min_score", "since", "until",
                    "suppressed", "sort", "limit", "cursor"),
            new Route("/api/v1/correlations/{id}", List.of("GET")),
            new Route("/api/v1/stats", List.of("GET"), "since", "until", "cert", "top"),
            new Route("/api/v1/observables", List.of("GET"), "value"),
            new Route("/api/v1/observables/lookup", List.of("POST")),
            new Route("/api/v1/playbooks", List.of("GET")),
            new Route("/api/v1/playbooks/{id}", List.of("GET")),
            new Route("/api/v1/playbooks/{id}/versions/{n}", List.of("GET")),
            new Route("/api/v1/playbooks/validate", List.of("POST")),
            new Route("/api/v1/playbooks/{id}/versions/{n}/simulate", List.of("POST")),
            new Route("/api/v1/playbook-runs", List.of("GET"), "playbook", "incident", "correlation", "status", "limit", "cursor"),
            new Route("/api/v1/playbook-runs/{id}", List.of("GET")),
            new Route("/api/v1/incidents/{id}/status", List.of("GET")),
            new Route("/api/v1/admin/principals", List.of("GET", "POST")),
            new Route("/api/v1/admin/principals/{id}", List.of("GET")),
            new Route("/api/v1/admin/principals/{id}/keys", List.of("POST")),
            new Route("/api/v1/admin/principals/{id}/contacts", List.of("GET", "PUT")),
            new Route("/api/v1/admin/users", List.of("POST")),
            new Route("/api/v1/admin/users/{id}", List.of("GET")),
            new Route("/api/v1/admin/users/{id}/disable", List.of("POST")),
            new Route("/api/v1/notifications", List.of("GET"), "acknowledged", "state", "limit", "cursor"),
            new Route("/api/v1/notifications/{id}", List.of("GET")),
            new Route("/api/v1/notifications/{id}/ack", List.of("GET", "POST"), "token"),
            new Route("/api/v1/subscriptions", List.of("GET", "POST")),
            new Route("/api/v1/subscriptions/{id}", List.of("GET", "DELETE")),
            new Route("/api/v1/subscriptions/{id}/pause", List.of("POST")),
            new Route("/api/v1/subscriptions/{id}/resume", List.of("POST")),
            new Route("/taxii2/", List.of("GET")),
            new Route("/taxii2/api/", List.of("GET")),
            new Route("/taxii2/api/collections/", List.of("GET")),
            new Route("/taxii2/api/collections/{collection}/", List.of("GET")),
            new Route("/taxii2/api/collections/{collection}/objects/", List.of("GET", "POST"), "added_after", "match[id]",
                    "match[type]", "match[version]", "match[spec_version]", "limit", "next"),
            new Route("/taxii2/api/collections/{collection}/objects/{id}/", List.of("GET", "DELETE"), "added_after",
                    "match[version]", "match[spec_version]", "limit", "next"),
            new Route("/taxii2/api/collections/{collection}/objects/{id}/versions/", List.of("GET"), "added_after",
                    "match[spec_version]", "limit", "next"),
            new Route("/taxii2/api/collections/{collection}/manifest/", List.of("GET"), "added_after", "match[id]",
                    "match[type]", "match[version]", "limit", "next"),
            new Route("/taxii2/api/status/{id}/", List.of("GET")),
            new Route("/console", List.of("GET"), "lang"),
            new Route("/console/login", List.of("GET", "POST"), "error", "logout", "throttled"),
            new Route("/console/submit", List.of("GET", "POST")),
            new Route("/console/search", List.of("GET"), "q", "value", "type", "cert", "cursor"),
            new Route("/console/search/observables", List.of("POST"), "values"),
            new Route("/console/objects/{id}", List.of("GET")),
            new Route("/console/correlations", List.of("GET"), "sort", "cert", "type", "value", "min_certs", "cursor"),
            new Route("/console/correlations/{id}", List.of("GET")),
            new Route("/console/correlations/{id}/graph", List.of("GET")),
            new Route("/console/notifications", List.of("GET"), "acknowledged", "cursor"),
            new Route("/console/notifications/{id}/ack", List.of("POST"), "back"),
            new Route("/console/runs", List.of("GET"), "playbook", "status", "cursor"),
            new Route("/console/runs/{id}", List.of("GET")),
            new Route("/console/playbooks", List.of("GET")),
            new Route("/console/playbooks/{id}/versions/{n}", List.of("GET")),
            new Route("/console/playbooks/{id}/diff", List.of("GET"), "from", "to"),
            new Route("/console/language", List.of("POST"), "lang", "back"),
            new Route("/actuator/health", List.of("GET")),
            new Route("/actuator", List.of("GET")),
            new Route("/actuator/sbom", List.of("GET")),
            new Route("/error", List.of("GET")));

    private static final List<String> OTHER_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> PRINCIPALS = List.of("kz-cert", "uz-cert", "regional-soc", "admin");

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties tenancy;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noGeneratedHostileRequestGetsA5xxOrTakesMoreThanASecond() throws Exception {
        DemoKeys keys = new DemoKeys(tenancy);
        Map<String, String> authorizations = new LinkedHashMap<>();
        for (String principal : PRINCIPALS) {
            authorizations.put(principal, "Bearer " + keys.of(principal));
        }
        String session = signIn("kz-responder", consolePassword("kz-responder"));
        Random random = new Random(SEED);
        Generator generator = new Generator(random, authorizations, session);
        List<Hostile> requests = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            requests.add(generator.next());
        }

        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Hostile> slow = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unsendable = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                running.add(threads.submit(() -> {
                    for (int i = first; i < requests.size(); i += THREADS) {
                        send(requests.get(i), byStatus, failures, slow, unsendable);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        // A slow answer is asked again, alone: slow again, it is the hub's; fast now, it was the
        // machine (a build box shared with other work stalls a request now and then).
        List<Hostile> slowOnce = List.copyOf(slow);
        slow.clear();
        for (Hostile again : slowOnce) {
            send(again, new ConcurrentHashMap<>(), failures, slow, unsendable);
        }
        slow.forEach(hostile -> failures.add("slower than " + SLOW.toMillis() + " ms twice: " + hostile.describe()));
        Map<Integer, Integer> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.get()));
        System.out.printf("Hostile input (seed %d): %d requests in %d s, by status %s, %d slower than %d ms (%d again when"
                + " asked alone), %d not sendable by the client%n", SEED, COUNT, seconds, counts, slowOnce.size(), SLOW.toMillis(),
                slow.size(), unsendable.get());
        assertThat(failures).as("5xx or slow answers (replay with -Dhostile.seed=" + SEED + ")").isEmpty();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(COUNT * 9 / 10);

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
        String bundle = TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "after the hostile run", "198.51.100.77"));
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri("/api/v1/bundles"))
                .header("Authorization", authorizations.get("kz-cert"))
                .header("Content-Type", "application/stix+json;version=2.1")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
    }

    private void send(Hostile hostile, Map<Integer, AtomicInteger> byStatus, List<String> failures, List<Hostile> slow,
            AtomicInteger unsendable) throws InterruptedException {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.target()))
                    .timeout(Duration.ofSeconds(10))
                    .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
            hostile.headers().forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // A header or URL the client itself refuses to send: it cannot reach the hub either.
            unsendable.incrementAndGet();
            return;
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - started) / 1_000_000;
            byStatus.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " in " + millis + " ms: " + hostile.describe());
            } else if (millis > SLOW.toMillis()) {
                slow.add(hostile);
            }
        } catch (java.io.IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            byStatus.computeIfAbsent(-1, status -> new AtomicInteger()).incrementAndGet();
            if (millis > SLOW.toMillis()) {
                slow.add(hostile);
            }
        }
    }

    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(uri("/console/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/console/login")).header("Cookie", cookie(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String consolePassword(String username) throws Exception {
        for (JsonNode user : JSON.readTree(Files.readString(tenancy.demo().usersFile()))) {
            if (user.path("username").asString().equals(username)) {
                return user.path("password").asString();
            }
        }
        throw new IllegalArgumentException(username);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static long longProperty(String name, long otherwise) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() || value.startsWith("${") ? otherwise : Long.parseLong(value);
    }

    record Route(String path, List<String> methods, String... parameters) {
    }

    /** One generated request; {@code target} is the path and query exactly as sent. */
    record Hostile(String method, String target, Map<String, String> headers, byte[] body, String kind) {

        String describe() {
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " [" + kind + "] headers "
                    + headers.keySet() + (body == null ? "" : " body " + body.length + " bytes");
        }
    }

    /** Draws requests from the classes of hostile input, reproducibly from its seed. */
    static final class Generator {

        private static final List<byte[]> NOT_UTF8 = List.of(bytes(0xED, 0xA0, 0x80), bytes(0xC0, 0xAF), bytes(0xFF),
                bytes(0x80), bytes(0xE2, 0x82), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF0, 0x80, 0x80, 0xAF),
                bytes(0xED, 0xBF, 0xBF), bytes(0xC3), bytes(0xFE, 0xFF));
        private static final List<String> INSTANTS = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "2026-13-45T99:99:99Z", "2026-11-01T00:00:00+25:00", "2026-11-01", "2026-11-01T00:00:00.0000000001Z",
                "1970-01-01T00:00:00Z", "2026-11-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z");
        private static final List<String> NUMBERS = List.of("2147483648", "-2147483649", "9223372036854775808",
                "-9223372036854775809", "99999999999999999999999999999", "-1", "0", "1", "1000", "1001", "1e9", "1e400",
                "NaN", "Infinity", "-Infinity", "1.5", "0x10", "", " 7", "+5", "00000000000000000001", "true");
        private static final List<String> ODD = List.of("\u202Eevil\u202C", "a\u200Db", "\u0000", "nul\u0000nul", "\uD83D\uDE00",
                "e\u0301".repeat(200), "\uFEFF", "\uFFFF", "\uDBFF\uDFFF", "Фишинг", "ҚАРЖЫ", "中文", "𝓤𝓷𝓲𝓬𝓸𝓭𝓮",
                "' OR 1=1 --", "{\"query\":{\"match_all\":{}}}", "*", "?", "\\", "../../etc/passwd", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "[ipv4-addr:value = '1.2.3.4']", "a AND (b OR", "/.*/", "value:*",
                "1.2.3.4/0", "::ffff:1.2.3.4", "203.0.113.9", "x".repeat(4_000), "indicator--" + UUID.randomUUID(), "a,b,,c",
                "last,first,all,2026-11-01T00:00:00Z", "%", "%%", "%zz", "+", " ", "\t\r\n");
        private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/taxii+json;version=2.1",
                "application/taxii+json;version=9", "text/html", "*/*;q=abc", "application/*;q=0", "image/png", ";;;",
                "application/json, " + "x/y,".repeat(200), "text/event-stream");
        private static final List<String> CONTENT_TYPES = List.of("application/json", "application/stix+json;version=2.1",
                "application/taxii+json;version=2.1", "application/yaml", "application/json; charset=utf-7",
                "multipart/form-data; boundary=", "multipart/form-data", "application/x-www-form-urlencoded", "text/plain",
                "application/stix+json;version=2.0", "application/json;charset=\"", "*/*");

        private final Random random;
        private final Map<String, String> authorizations;
        private final String session;

        Generator(Random random, Map<String, String> authorizations, String session) {
            this.random = random;
            this.authorizations = authorizations;
            this.session = session;
        }

        Hostile next() {
            Route route = ROUTES.get(random.nextInt(ROUTES.size()));
            String method = random.nextInt(10) == 0 ? pick(OTHER_METHODS) : random.nextInt(8) == 0 ? "HEAD" : pick(route.methods());
            List<String> kinds = new ArrayList<>();
            String path = path(route.path(), kinds);
            String query = query(route.parameters(), kinds);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", authorization(kinds));
            if (route.path().startsWith("/console") || random.nextInt(20) == 0) {
                if (random.nextInt(4) > 0) {
                    headers.put("Cookie", random.nextInt(10) == 0 ? "JSESSIONID=" + UUID.randomUUID() : session);
                }
            }
            if (random.nextInt(3) == 0) {
                headers.put("Accept", pick(ACCEPTS));
            }
            if (random.nextInt(15) == 0) {
                headers.put(pick(List.of("Accept-Language", "Range", "If-None-Match", "X-Forwarded-For", "Origin", "Referer")),
                        pick(List.of("zz-ZZ;q=x", "bytes=0-1,2-3,-1", "*", "1.2.3.4, ::1, garbage", "null", "x".repeat(2_000),
                                "ru;q=2.0", "bytes=999999999999999999999-")));
                kinds.add("header abuse");
            }
            byte[] body = null;
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                body = body(route.path(), kinds);
                headers.put("Content-Type", random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : contentTypeOf(route.path()));
            }
            return new Hostile(method, path + query, headers, body, String.join(", ", kinds));
        }

        private String path(String template, List<String> kinds) {
            String path = template;
            while (path.contains("{")) {
                int open = path.indexOf('{');
                int close = path.indexOf('}', open);
                String name = path.substring(open + 1, close);
                String value = switch (name) {
                    case "n" -> pick(NUMBERS);
                    case "collection" -> random.nextBoolean() ? "kz-cert" : pick(List.of("public", "members", "community",
                            UUID.randomUUID().toString(), "uz-cert", "..", "x".repeat(600)));
                    default -> random.nextInt(4) == 0 ? "x".repeat(random.nextInt(700))
                            : random.nextBoolean() ? "indicator--" + UUID.randomUUID() : pick(ODD);
                };
                kinds.add("path " + name);
                path = path.substring(0, open) + encode(value.getBytes(StandardCharsets.UTF_8), random.nextInt(10) == 0)
                        + path.substring(close + 1);
            }
            return path;
        }

        private String query(String[] parameters, List<String> kinds) {
            List<String> pairs = new ArrayList<>();
            for (String name : parameters) {
                if (random.nextInt(3) == 0) {
                    pairs.add(encode(name.getBytes(StandardCharsets.UTF_8), false) + "=" + encode(value(kinds), false));
                }
            }
            if (random.nextInt(8) == 0) {
                pairs.add(encode(pick(NOT_UTF8), false) + "=" + encode(value(kinds), false));
                kinds.add("name not UTF-8");
            }
            if (random.nextInt(10) == 0 && parameters.length > 0) {
                String name = parameters[random.nextInt(parameters.length)];
                pairs.add(name + "=1&" + name + "=" + encode(value(kinds), false));
                kinds.add("repeated parameter");
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private byte[] value(List<String> kinds) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    kinds.add("not UTF-8");
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    bytes.writeBytes("v".getBytes(StandardCharsets.UTF_8));
                    bytes.writeBytes(pick(NOT_UTF8));
                    return bytes.toByteArray();
                }
                case 1 -> {
                    kinds.add("instant");
                    return pick(INSTANTS).getBytes(StandardCharsets.UTF_8);
                }
                case 2 -> {
                    kinds.add("number");
                    return pick(NUMBERS).getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    kinds.add("odd text");
                    return pick(ODD).getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        private String authorization(List<String> kinds) {
            int draw = random.nextInt(12);
            if (draw < 7) {
                String principal = pick(PRINCIPALS);
                kinds.add("key " + principal);
                return authorizations.get(principal);
            }
            kinds.add("forged credentials");
            String key = authorizations.get("kz-cert").substring("Bearer ".length());
            return switch (draw) {
                case 7 -> "Bearer " + Base64.getUrlEncoder().encodeToString(randomBytes(32));
                case 8 -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";
                case 9 -> "Basic " + Base64.getEncoder().encodeToString(("admin:" + key).getBytes(StandardCharsets.UTF_8));
                case 10 -> pick(List.of("Basic !!!", "Bearer", "Bearer  ", "Digest x", "Basic " + Base64.getEncoder()
                        .encodeToString("kz-cert".getBytes(StandardCharsets.UTF_8)), "Bearer " + key.substring(0, key.length() - 1),
                        "Bearer " + key + "x", "Bearer " + "k".repeat(6_000), "bearer " + key));
                default -> "Bearer " + key.toUpperCase(java.util.Locale.ROOT);
            };
        }

        private byte[] body(String path, List<String> kinds) {
            String good = path.endsWith("/validate") ? "id: x\nversion: 1\n"
                    : path.contains("/simulate") ? incident(pick(NUMBERS))
                    : path.endsWith("/lookup") ? "{\"values\":[\"203.0.113.9\"]}"
                    : path.startsWith("/console") ? "values=203.0.113.9&bundle=%7B%7D"
                    : TestBundles.bundle(TestBundles.addressIndicator(Tlp.GREEN, "hostile", "203.0.113." + random.nextInt(255)));
            int draw = random.nextInt(100);
            if (draw < 20) {
                kinds.add("truncated body");
                return good.substring(0, random.nextInt(good.length())).getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 22) {
                kinds.add("huge body");
                return ("{\"values\":[" + "\"203.0.113.9\",".repeat(60_000) + "\"x\"]}").getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 30) {
                kinds.add("deep body");
                int depth = pick(List.of(100, 1_000, 50_000));
                return path.endsWith("/validate") ? ("a:\n" + "- ".repeat(depth) + "x").getBytes(StandardCharsets.UTF_8)
                        : ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 38) {
                kinds.add("body not UTF-8");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(pick(NOT_UTF8));
                bytes.writeBytes(good.substring(good.length() / 2).getBytes(StandardCharsets.UTF_8));
                return bytes.toByteArray();
            }
            if (draw < 50) {
                kinds.add("odd text in body");
                String odd = pick(ODD).replace("\\", "\\\\").replace("\"", "\\\"");
                return good.replace("hostile", odd).replace("203.0.113.9", odd).replace("x\n", odd + "\n")
                        .replace("\"x\"", "\"\\ud800" + odd + "\"").getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 58) {
                kinds.add("alias bomb");
                StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
                for (int level = 1; level <= 20; level++) {
                    bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1).append(", *a")
                            .append(level - 1).append("]\n");
                }
                return bomb.toString().getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 66) {
                kinds.add("overflowing values in body");
                return good.replace("2026-11-01T10:00:00.000Z", pick(INSTANTS)).replace("2026-11-01T10:00:00Z", pick(INSTANTS))
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (draw < 70) {
                kinds.add("empty body");
                return new byte[0];
            }
            kinds.add("plausible body");
            return good.getBytes(StandardCharsets.UTF_8);
        }

        private static String incident(String criticality) {
            return "{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":\"incident--" + UUID.randomUUID()
                    + "\",\"created\":\"2026-11-01T10:00:00.000Z\",\"modified\":\"2026-11-01T10:00:00.000Z\",\"name\":\"hostile\","
                    + "\"extensions\":{\"extension-definition--ef765651-680c-498d-9894-99799f2fa126\":{\"extension_type\":"
                    + "\"property-extension\",\"criticality\":" + (criticality.isBlank() ? "1" : criticality) + "}}}";
        }

        private static String contentTypeOf(String path) {
            if (path.startsWith("/console")) {
                return "application/x-www-form-urlencoded";
            }
            if (path.endsWith("/validate")) {
                return "application/yaml";
            }
            if (path.startsWith("/taxii2")) {
                return "application/taxii+json;version=2.1";
            }
            return path.endsWith("/bundles") ? "application/stix+json;version=2.1" : "application/json";
        }

        /** Percent-encodes every byte but unreserved ones; {@code raw} leaves '/', '%' and '.' as they are. */
        private static String encode(byte[] bytes, boolean raw) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                        || c == '~' || raw && (c == '/' || c == '%')) {
                    encoded.append((char) c);
                } else {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
            return encoded.toString();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private static byte[] bytes(int... values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return bytes;
        }
    }
}
