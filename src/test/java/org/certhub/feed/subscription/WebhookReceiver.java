package org.certhub.feed.subscription;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on loopback (the JDK's HttpServer): records every POST it gets and answers
 * with a status the test chooses, per path.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, int answered, String signature, String idempotencyKey, String contentType,
            byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, AtomicInteger> statusByPath = new java.util.concurrent.ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            int status = statusByPath.computeIfAbsent(path, p -> new AtomicInteger(200)).get();
            received.add(new Received(path, status, exchange.getRequestHeaders().getFirst("X-Certhub-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on, POSTs to {@code path} are answered with {@code status}. */
    void answer(String path, int status) {
        statusByPath.computeIfAbsent(path, p -> new AtomicInteger()).set(status);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
