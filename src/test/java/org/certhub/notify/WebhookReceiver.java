package org.certhub.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local webhook receiver (the JDK's HTTP server) that keeps every POST it answers 2xx to.
 * {@code /fail} always answers 503. It can be stopped and started again on the same port: a real
 * outage, connections refused in between.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    public record Received(String path, String idempotencyKey, String signature, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile HttpServer server;

    private WebhookReceiver(int port) throws IOException {
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(0);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedWithKey(String idempotencyKey) {
        return received.stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).toList();
    }

    public void stop() {
        server.stop(0);
    }

    public void restart() throws IOException {
        server = listen(port);
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        http.createContext("/", this::handle);
        http.start();
        return http;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        int status = path.startsWith("/fail") ? 503 : 204;
        if (status == 204 && "POST".equals(exchange.getRequestMethod())) {
            received.add(new Received(path, exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
