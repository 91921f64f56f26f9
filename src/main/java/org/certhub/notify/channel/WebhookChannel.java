package org.certhub.notify.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.certhub.notify.NotifyProperties;
import org.certhub.notify.WebhookSignature;
import org.certhub.tenancy.Contacts;
import org.springframework.stereotype.Component;

/**
 * A JSON POST to the recipient's webhook, signed ({@link WebhookSignature}) and carrying the
 * notification id as {@code Idempotency-Key}. 2xx is delivered; a timeout, a connection failure,
 * 408, 425, 429 or 5xx are worth retrying; any other answer (a redirect, 4xx) will not change by
 * itself and is final.
 */
@Component
public class WebhookChannel implements Channel {

    private final HttpClient http;
    private final NotifyProperties properties;
    private final Clock clock = Clock.systemUTC();

    WebhookChannel(NotifyProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "certhub-notify")
                .header(WebhookSignature.HEADER, signature)
                .header(WebhookSignature.IDEMPOTENCY_HEADER, message.notificationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.json())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.delivered("HTTP " + status);
            }
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            return retryable ? Outcome.failedForNow("HTTP " + status) : Outcome.failedForGood("HTTP " + status);
        } catch (IOException e) {
            return Outcome.failedForNow(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failedForNow("interrupted (hub stopping)");
        }
    }
}
