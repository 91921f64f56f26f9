package org.certhub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.certhub.DemoKeys;
import org.certhub.EngineClients;
import org.certhub.HubIntegrationTest;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.TenancyProperties;
import org.certhub.tenancy.admin.PrincipalAdministration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

/**
 * Contact webhooks reach only targets the outbound policy allows: the admin API refuses to save an
 * internal target in any spelling (422), and a stored webhook that points inside (saved before the
 * check existed, or a name whose DNS answer turned internal) is not called when a notification goes
 * out: it is dead-lettered at once, and the internal receiver gets nothing. The tests' allow-list
 * opens 127.0.0.1 only; the internal receiver here listens on 127.0.0.2.
 */
@HubIntegrationTest
class OutboundTargetsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    Environment environment;

    @Autowired
    PrincipalAdministration administration;

    @LocalServerPort
    int port;

    private NotifyHub hub;
    private WebhookReceiver allowed;
    private HttpServer internal;
    private final AtomicInteger internalCalls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        hub = new NotifyHub(port, new DemoKeys(tenancy).of("admin"), EngineClients.kafka(environment),
                NotificationRequested.DEFAULT_TOPIC);
        allowed = WebhookReceiver.start();
        internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        internal.createContext("/", exchange -> {
            internalCalls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stop() {
        allowed.close();
        internal.stop(0);
    }

    @Test
    void contactWebhooksToInternalTargetsAreRefusedWhenSaved() {
        NotifyHub.Recipient recipient = hub.recipient("cert", allowed.url("/hook"), "duty@refused.example");
        int internalPort = internal.getAddress().getPort();
        for (String url : List.of("http://127.0.0.2:" + internalPort + "/hook", "http://0177.0.0.2:" + internalPort + "/",
                "http://2130706434/", "http://127.2/", "http://[::ffff:127.0.0.2]/", "http://[::ffff:7f00:2]/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[fd00::1]/",
                "http://metadata.google.internal/")) {
            HttpResponse<String> refused = hub.send("PUT", "/api/v1/admin/principals/" + recipient.id() + "/contacts",
                    new DemoKeys(tenancy).of("admin"), Map.of("webhook", Map.of("url", url, "secret", "s".repeat(32))));
            assertThat(refused.statusCode()).as(url).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            JsonNode problem = NotifyHub.read(refused.body());
            assertThat(problem.path("type").asString()).endsWith("/refused-target");
            assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/webhook/url");
            assertThat(problem.path("errors").get(0).path("rule").asString()).as(url).isIn("public-target", "canonical-address");
        }
        HttpResponse<String> roleRefused = hub.send("PUT", "/api/v1/admin/principals/" + recipient.id() + "/contacts",
                new DemoKeys(tenancy).of("admin"), Map.of("roles", Map.of("duty-officer",
                        Map.of("webhook", Map.of("url", "http://127.0.0.3:9200/", "secret", "s".repeat(32))))));
        assertThat(roleRefused.statusCode()).isEqualTo(422);
        assertThat(NotifyHub.read(roleRefused.body()).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/roles/duty-officer/webhook/url");
        assertThat(internalCalls).hasValue(0);
    }

    @Test
    void aStoredWebhookThatNowPointsInsideIsNotCalled() {
        NotifyHub.Recipient recipient = hub.recipient("cert", allowed.url("/hook"), "duty@inside.example");
        URI inside = URI.create("http://127.0.0.2:" + internal.getAddress().getPort() + "/hook");
        administration.setContacts(recipient.id(), new Contacts(List.of(), Optional.of(new Contacts.Webhook(inside,
                recipient.webhookSecret())), Map.of()));
        NotificationRequested request = NotifyHub.request(recipient.id(), Tlp.GREEN, List.of("webhook"), "To the inside");

        hub.publish(request);

        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.events(request.runId())).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(NotificationEvent.Kind.DEAD_LETTERED);
            assertThat(event.detail()).contains("target refused");
        }));
        assertThat(internalCalls).hasValue(0);
        assertThat(allowed.received()).isEmpty();
    }
}
