package org.certhub.feed.subscription;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.certhub.notify.WebhookSignature;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POSTs one batch to a subscriber: a STIX 2.1 bundle of the matching objects of one accepted
 * submission, signed ({@value WebhookSignature#HEADER}) and carrying an {@value WebhookSignature#IDEMPOTENCY_HEADER}
 * that names the batch, whatever the attempt. Redirects are not followed (a redirect could lead to
 * a target the URL check refused).
 */
final class WebhookSender {

    static final String MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String SUBSCRIPTION_HEADER = "X-Certhub-Subscription";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final SubscriptionProperties properties;
    private final WebhookTargets targets;

    WebhookSender(SubscriptionProperties properties) {
        this.properties = properties;
        this.targets = new WebhookTargets(properties.allowPrivateTargets());
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The body of a batch: a bundle whose id is derived from the idempotency key, so a repeat is the same bundle. */
    static byte[] bundle(String idempotencyKey, List<JsonNode> objects) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle").put("id", "bundle--" + UUID.nameUUIDFromBytes(
                idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        objects.forEach(bundle.putArray("objects")::add);
        return JSON.writeValueAsBytes(bundle);
    }

    /**
     * Why a batch was not delivered: a short reason (status or exception type, never the response
     * body), and whether trying again can help. Timeouts, connection failures, 408, 425, 429 and 5xx
     * pass; any other answer (401, 404, 410...) and a refused target need the subscriber to act.
     */
    record Failure(String reason, boolean permanent) {

        static Failure of(int status) {
            boolean passes = status == 408 || status == 425 || status == 429 || status >= 500;
            return new Failure("HTTP " + status, !passes && status >= 400);
        }
    }

    /** Sends one batch; empty when it was answered 2xx. */
    Optional<Failure> send(Subscription subscription, String idempotencyKey, byte[] body) {
        Optional<WebhookTargets.Refusal> refused = targets.refusal(subscription.url());
        if (refused.isPresent()) {
            return Optional.of(new Failure("target refused: " + refused.get().message(), true));
        }
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscription.url()).timeout(properties.requestTimeout())
                .header("Content-Type", MEDIA_TYPE)
                .header("User-Agent", "certhub-webhook/1")
                .header(SUBSCRIPTION_HEADER, subscription.id())
                .header(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey)
                .header(WebhookSignature.HEADER,
                        WebhookSignature.sign(subscription.secret().getBytes(StandardCharsets.UTF_8), now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of(Failure.of(status));
        } catch (IOException e) {
            return Optional.of(new Failure(e.getClass().getSimpleName(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Failure("interrupted", false));
        }
    }
}
