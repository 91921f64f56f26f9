package org.certhub.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.certhub.notify.NotifyProperties;
import org.certhub.outbound.OutboundProperties;
import org.certhub.outbound.TargetPolicy;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Contacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;

class EmailChannelTests {

    private final Message message = new Message("n-1", "kz-cert", "Subject", "Text", Tlp.GREEN, Optional.empty(),
            "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void withoutAMailHostAnEmailIsGivenUpWithThatReasonInsteadOfFailingTheHub() {
        EmailChannel channel = new EmailChannel(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                properties());

        Outcome outcome = channel.send(message, new Contacts.Contact(List.of("duty@kz-cert.example"), Optional.empty()));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PERMANENT);
        assertThat(outcome.detail()).contains("e-mail is not configured");
    }

    @Test
    void aRecipientWithoutAWebhookIsGivenUpAtOnce() {
        Outcome outcome = new WebhookChannel(properties(), new TargetPolicy(new OutboundProperties(List.of()))).send(message, new Contacts.Contact(List.of(), Optional.empty()));

        assertThat(outcome).isEqualTo(Outcome.failedForGood("no webhook configured for kz-cert"));
    }

    private static NotifyProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("certhub.notify.mail-from", "hub@example.org")))
                .bindOrCreate("certhub.notify", NotifyProperties.class);
    }
}
