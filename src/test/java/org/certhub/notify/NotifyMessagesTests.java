package org.certhub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

class NotifyMessagesTests {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesOnlyForTheSameSecretTimeAndBody() {
        String header = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);

        assertThat(header).startsWith("t=1700000000,v1=");
        assertThat(WebhookSignature.verify(SECRET, header, BODY)).isTrue();
        assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), header, BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1700000000", "t=1700000001"), BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=zz", BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY)).isFalse();
    }

    @Test
    void requestsAndEventsSurviveTheirJsonForm() {
        var request = new NotificationRequested(NotificationRequested.SCHEMA_VERSION, "ntf-1", "run-1", "ddos", 2,
                "tell", "kz-cert", "duty-officer", List.of("webhook", "email"), "DDoS", "text", "correlation",
                "c0ffee", Tlp.AMBER_STRICT, true, Instant.parse("2026-11-29T06:00:00Z"), Instant.parse("2026-11-29T05:00:00Z"));
        var event = new NotificationEvent(NotificationEvent.SCHEMA_VERSION, "ntf-1", "run-1", "tell", "kz-cert",
                NotificationEvent.Kind.ACKNOWLEDGED, null, 0, Instant.parse("2026-11-29T05:01:00Z"), "kz-cert");

        assertThat(NotificationRequested.fromJson(request.toJson())).contains(request);
        assertThat(NotificationEvent.fromJson(event.toJson())).contains(event);
        assertThat(new String(event.toJson(), StandardCharsets.UTF_8)).contains("\"kind\":\"acknowledged\"");
        assertThat(NotificationRequested.fromJson("nope".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aBlindNoticeKeepsItsBlindEntryAndMarkingThroughItsJsonForm() {
        var request = new NotificationRequested(NotificationRequested.SCHEMA_VERSION, "ntf-1", "run-1", "ddos", 2, "tell",
                "kz-cert", null, List.of("kafka"), "Restricted", "Contact UZ-CERT", null, null, Tlp.RED, false, null,
                Instant.parse("2026-11-29T05:00:00Z"), List.of(new NotificationRequested.Mark("uz-cert", Tlp.RED)),
                new NotificationRequested.Blind("uz-cert", "UZ-CERT"));

        assertThat(NotificationRequested.fromJson(request.toJson())).contains(request)
                .hasValueSatisfying(read -> assertThat(read.blindNotice()).isTrue());
    }
}
