package org.certhub.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.certhub.notify.NotifyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AckLinksTests {

    @TempDir
    Path dir;

    @Test
    void aLinkAcknowledgesOnlyItsOwnNotificationForItsOwnRecipient() {
        AckLinks links = new AckLinks(properties("certhub.notify.ack-link-secret", "a-secret-of-enough-length"));
        URI link = links.linkFor("run-1:tell:kz-cert", "kz-cert").orElseThrow();
        String token = link.getQuery().substring("token=".length());

        assertThat(link.toString()).startsWith("https://hub.example/api/v1/notifications/run-1%3Atell%3Akz-cert/ack?token=");
        assertThat(links.valid("run-1:tell:kz-cert", "kz-cert", token)).isTrue();
        assertThat(links.valid("run-1:tell:kz-cert", "uz-cert", token)).isFalse();
        assertThat(links.valid("run-2:tell:kz-cert", "kz-cert", token)).isFalse();
        assertThat(links.valid("run-1:tell:kz-cert", "kz-cert", null)).isFalse();
        assertThat(new AckLinks(properties("certhub.notify.ack-link-secret", "another-secret-entirely"))
                .valid("run-1:tell:kz-cert", "kz-cert", token)).isFalse();
    }

    @Test
    void withoutAConfiguredSecretOneIsGeneratedOwnerOnlyAndKeptAcrossStarts() throws Exception {
        Path file = dir.resolve("data/ack-link-secret");
        NotifyProperties properties = properties("certhub.notify.ack-link-secret-file", file.toString());
        URI link = new AckLinks(properties).linkFor("n", "kz-cert").orElseThrow();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new AckLinks(properties).linkFor("n", "kz-cert")).contains(link);
    }

    @Test
    void aShortSecretRefusesToStartAndWithoutAnySecretThereAreNoLinks() {
        assertThatThrownBy(() -> new AckLinks(properties("certhub.notify.ack-link-secret", "short")))
                .hasMessageContaining("at least 16");
        AckLinks none = new AckLinks(properties("certhub.notify.ack-link-secret-file", "/proc/no-such-dir/secret"));
        assertThat(none.linkFor("n", "kz-cert")).isEmpty();
        assertThat(none.valid("n", "kz-cert", "anything")).isFalse();
    }

    static NotifyProperties properties(String key, String value) {
        var source = new MapConfigurationPropertySource(java.util.Map.of(key, value,
                "certhub.notify.public-base-url", "https://hub.example/"));
        return new Binder(source).bindOrCreate("certhub.notify", NotifyProperties.class);
    }
}
