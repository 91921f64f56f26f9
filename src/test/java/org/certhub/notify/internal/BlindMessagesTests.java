package org.certhub.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certhub.notify.BlindNotice;
import org.certhub.notify.NotificationRequested;
import org.certhub.notify.channel.Message;
import org.certhub.stix.Tlp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BlindMessagesTests {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");
    private static final String INCIDENT = "incident--6a1f3b9e-2c4d-4e8f-9a0b-1c2d3e4f5a6b";
    private final AckLinks links = new AckLinks(AckLinksTests.properties("certhub.notify.ack-link-secret", "a-secret-of-enough-length"));

    @Test
    void aBlindNoticeSendsOnlyTheBlindEntryItsTextAndWhatAcknowledgingTakes() {
        NotificationRequested request = new NotificationRequested(NotificationRequested.SCHEMA_VERSION, "ntf-1",
                "run-0123456789abcdef0123456789abcdef", "phishing-disinformation", 1, "tell-members", "kz-cert", null,
                List.of("webhook", "kafka"), BlindNotice.subject("UZ-CERT", Tlp.RED), BlindNotice.text("uz-cert", "UZ-CERT", Tlp.RED),
                null, null, Tlp.RED, true, T0.plusSeconds(3600), T0, List.of(new NotificationRequested.Mark("uz-cert", Tlp.RED)),
                new NotificationRequested.Blind("uz-cert", "UZ-CERT"));

        Message message = Messages.of(Notification.recorded(request, "requests", 0, T0), links);

        JsonNode json = JsonMapper.builder().build().readTree(message.json());
        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names).containsExactlyInAnyOrder("schema_version", "blind", "cert", "contact", "tlp", "notification_id",
                "recipient", "subject", "text", "ack_required", "ack_deadline", "ack_url");
        assertThat(json.path("blind").asBoolean()).isTrue();
        assertThat(json.path("tlp").asString()).isEqualTo("TLP:RED");
        String body = new String(message.json(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("run-0123456789abcdef").doesNotContain("phishing").doesNotContain("tell-members");
    }

    @Test
    void aFullNoticeDoesNotTellTheRecipientWhoElseHoldsTheSubjectAtWhichLevel() {
        NotificationRequested request = new NotificationRequested(NotificationRequested.SCHEMA_VERSION, "ntf-2", "run-2",
                "cross-border", 1, "alert", "kz-cert", null, List.of("webhook"), "Match", "Value 203.0.113.7", "correlation",
                "c0ffee", Tlp.RED, false, null, T0, List.of(new NotificationRequested.Mark("kz-cert", Tlp.GREEN),
                        new NotificationRequested.Mark("uz-cert", Tlp.RED)), null);

        Message message = Messages.of(Notification.recorded(request, "requests", 0, T0), links);

        String body = new String(message.json(), StandardCharsets.UTF_8);
        assertThat(body).contains("Value 203.0.113.7").doesNotContain("marking").doesNotContain("uz-cert");
    }
}
