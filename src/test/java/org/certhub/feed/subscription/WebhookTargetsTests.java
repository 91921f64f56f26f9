package org.certhub.feed.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookTargetsTests {

    private final WebhookTargets strict = new WebhookTargets(false);
    private final WebhookTargets lab = new WebhookTargets(true);

    @Test
    void refusesLoopbackPrivateAndLinkLocalTargets() {
        for (String url : new String[] {"http://127.0.0.1/hook", "http://localhost:8080/", "https://[::1]/",
                "http://10.1.2.3/", "http://192.168.0.10/", "http://172.16.5.5/", "http://100.64.0.1/",
                "http://[fd12:3456::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data/",
                "http://0.0.0.0/"}) {
            assertThat(strict.refusal(url)).as(url).hasValueSatisfying(refusal ->
                    assertThat(refusal.rule()).isEqualTo("public-target"));
        }
    }

    @Test
    void labModeAllowsLoopbackButNeverMetadataOrLinkLocal() {
        assertThat(lab.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(lab.refusal("http://10.0.0.7/hook")).isEmpty();
        assertThat(lab.refusal("http://169.254.169.254/")).isPresent();
        assertThat(lab.refusal("http://[fe80::1]/")).isPresent();
        assertThat(lab.refusal("http://metadata.google.internal/")).isPresent();
        assertThat(lab.refusal("http://[fd00:ec2::254]/")).isPresent();
    }

    @Test
    void acceptsPublicHttpsAndHttpAddresses() {
        assertThat(strict.refusal("https://203.0.113.10/hook")).isEmpty();
        assertThat(strict.refusal("http://198.51.100.7:8443/x?y=1")).isEmpty();
    }

    @Test
    void refusesOtherSchemesUserInfoAndOverlongUrls() {
        assertThat(strict.refusal("ftp://203.0.113.10/")).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("http-url"));
        assertThat(strict.refusal("gopher://203.0.113.10/")).isPresent();
        assertThat(strict.refusal("https://u:p@203.0.113.10/")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
        assertThat(strict.refusal("https://203.0.113.10/" + "a".repeat(3000)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("max-length"));
    }
}
