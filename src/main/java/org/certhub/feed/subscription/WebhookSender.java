package org.certhub.feed.subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.certhub.notify.WebhookSignature;
import org.certhub.outbound.OutboundHttp;
import org.certhub.outbound.RefusedTargetException;
import org.certhub.outbound.TargetPolicy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POSTs one batch to a subscriber: a STIX 2.1 bundle of the matching objects of one accepted
 * submission, signed ({@value WebhookSignature#HEADER}) and carrying an {@value WebhookSignature#IDEMPOTENCY_HEADER}
 * that names the batch, whatever the attempt, through the {@link OutboundHttp} client: the target is
 * checked again, on the addresses it resolves to now, and no redirect is followed.
 */
final class WebhookSender {

    static final String MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String SUBSCRIPTION_HEADER = "X-Certhub-Subscription";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundHttp client;
    private final SubscriptionProperties properties;

    WebhookSender(SubscriptionProperties properties, TargetPolicy targets) {
        this.properties = properties;
        this.client = targets.client(properties.connectTimeout());
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
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "certhub-webhook/1");
        headers.put(SUBSCRIPTION_HEADER, subscription.id());
        headers.put(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey);
        headers.put(WebhookSignature.HEADER,
                WebhookSignature.sign(subscription.secret().getBytes(StandardCharsets.UTF_8), now, body));
        try {
            int status = client.post(subscription.url(), MEDIA_TYPE, headers, body, properties.requestTimeout());
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of(Failure.of(status));
        } catch (RefusedTargetException e) {
            return Optional.of(new Failure("target refused: " + e.refusal().message(), true));
        } catch (IOException e) {
            return Optional.of(new Failure(e.getClass().getSimpleName(), false));
        }
    }
}
