package org.certhub.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client every webhook goes through, against a real HTTP receiver listening on every loopback
 * address: what the policy refuses is never connected to, whatever name or form leads there.
 */
class OutboundHttpTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listenOnEveryAddress() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + port() + "/internal");
                answer(exchange, 302);
            } else {
                answer(exchange, 204);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void postsToAnOpenedOnPremiseReceiver() throws IOException {
        try (OutboundHttp http = policy("127.0.0.1/32").client(TIMEOUT)) {
            assertThat(post(http, "http://127.0.0.1:" + port() + "/hook")).isEqualTo(204);
        }
        assertThat(received).containsExactly("/hook");
    }

    @Test
    void neverConnectsToARefusedAddressInAnyForm() {
        try (OutboundHttp http = policy("127.0.0.1/32").client(TIMEOUT)) {
            for (String host : List.of("127.0.0.2", "0177.0.0.2", "2130706434", "127.2", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]")) {
                assertThatThrownBy(() -> post(http, "http://" + host + ":" + port() + "/internal")).as(host)
                        .isInstanceOf(RefusedTargetException.class);
            }
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aNameThatResolvesToARefusedAddressAtSendTimeIsNotCalled() {
        // localhost stands for any stored name whose DNS answer turned internal after it was saved.
        try (OutboundHttp http = policy().client(TIMEOUT)) {
            assertThatThrownBy(() -> post(http, "http://localhost:" + port() + "/rebound"))
                    .isInstanceOf(RefusedTargetException.class)
                    .satisfies(e -> assertThat(((RefusedTargetException) e).refusal().rule()).isEqualTo("public-target"));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void doesNotFollowARedirect() throws IOException {
        try (OutboundHttp http = policy("127.0.0.1/32").client(TIMEOUT)) {
            assertThat(post(http, "http://127.0.0.1:" + port() + "/redirect")).isEqualTo(302);
        }
        assertThat(received).containsExactly("/redirect");
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private static int post(OutboundHttp http, String url) throws IOException {
        return http.post(URI.create(url), "application/json", Map.of("X-Test", "1"),
                "{}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
    }

    private static TargetPolicy policy(String... allowed) {
        return new TargetPolicy(new OutboundProperties(List.of(allowed)));
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
