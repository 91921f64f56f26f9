package org.certhub.notify.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.certhub.notify.NotifyProperties;
import org.certhub.notify.WebhookSignature;
import org.certhub.outbound.OutboundHttp;
import org.certhub.outbound.RefusedTargetException;
import org.certhub.outbound.TargetPolicy;
import org.certhub.tenancy.Contacts;
import org.springframework.stereotype.Component;

/**
 * A JSON POST to the recipient's webhook, signed ({@link WebhookSignature}) and carrying the
 * notification id as {@code Idempotency-Key}, through the {@link OutboundHttp} client: the target is
 * checked again on the addresses it resolves to now, and a refused one is final. 2xx is delivered; a
 * timeout, a connection failure, 408, 425, 429 or 5xx are worth retrying; any other answer (a
 * redirect, 4xx) will not change by itself and is final.
 */
@Component
public class WebhookChannel implements Channel {

    private final OutboundHttp http;
    private final NotifyProperties properties;
    private final Clock clock = Clock.systemUTC();

    WebhookChannel(NotifyProperties properties, TargetPolicy targets) {
        this.properties = properties;
        this.http = targets.client(properties.webhookTimeout());
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Outcome send(Message message, Contacts.Contact contact) {
        if (contact.webhook().isEmpty()) {
            return Outcome.failedForGood("no webhook configured for " + message.recipient());
        }
        Contacts.Webhook webhook = contact.webhook().get();
        String signature = WebhookSignature.sign(webhook.secret().getBytes(StandardCharsets.UTF_8),
                clock.instant().getEpochSecond(), message.json());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "certhub-notify");
        headers.put(WebhookSignature.HEADER, signature);
        headers.put(WebhookSignature.IDEMPOTENCY_HEADER, message.notificationId());
        try {
            int status = http.post(webhook.url(), "application/json", headers, message.json(), properties.webhookTimeout());
            if (status >= 200 && status < 300) {
                return Outcome.delivered("HTTP " + status);
            }
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            return retryable ? Outcome.failedForNow("HTTP " + status) : Outcome.failedForGood("HTTP " + status);
        } catch (RefusedTargetException e) {
            return Outcome.failedForGood("target refused: " + e.refusal().message());
        } catch (IOException e) {
            return Outcome.failedForNow(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
