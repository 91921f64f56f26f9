package org.certhub.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetPolicyTests {

    private final TargetPolicy strict = new TargetPolicy(new OutboundProperties(List.of()));
    private final TargetPolicy onPremise = new TargetPolicy(new OutboundProperties(
            List.of("127.0.0.1/32", " 10.20.0.0/16", "localhost", "169.254.0.0/16", "fd00::/8")));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://127.0.0.1./", "http://0177.0.0.1/", "http://0177.0.0.01/",
            "http://0x7f.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://2130706433/", "http://017700000001/",
            "http://127.1/", "http://127.0.1/", "https://[::1]/", "http://[0:0:0:0:0:0:0:1]:8080/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[::ffff:0:127.0.0.1]/",
            "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://localhost:8080/", "http://LOCALHOST:80/"})
    void refusesLoopbackInEveryTextualForm(String url) {
        assertThat(strict.refusal(url)).as(url).hasValueSatisfying(refusal ->
                assertThat(refusal.rule()).isEqualTo("public-target"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3/", "http://012.1.2.3/", "http://0xa010203/", "http://167838211/",
            "http://192.168.0.10/", "http://172.16.5.5/", "http://100.64.0.1/", "http://[::ffff:10.0.0.1]/",
            "http://[fd12:3456::1]/", "http://[fc00::1]/", "http://[64:ff9b:1::a00:1]/",
            "http://169.254.169.254/latest/meta-data/", "http://0xa9.0xfe.0xa9.0xfe/", "http://2852039166/",
            "http://0251.0376.0251.0376/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/", "http://metadata/", "http://100.100.100.200/",
            "http://[fe80::1]/", "http://169.254.1.1/", "http://0.0.0.0/", "http://0/", "http://[::]/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://[ff02::1]/"})
    void refusesPrivateLinkLocalUniqueLocalMulticastUnspecifiedAndMetadataTargets(String url) {
        assertThat(strict.refusal(url)).as(url).hasValueSatisfying(refusal ->
                assertThat(refusal.rule()).isEqualTo("public-target"));
    }

    @Test
    void acceptsPublicHttpsAndHttpAddresses() {
        assertThat(strict.refusal("https://203.0.113.10/hook")).isEmpty();
        assertThat(strict.refusal("http://198.51.100.7:8443/x?y=1")).isEmpty();
        assertThat(strict.refusal("https://[2001:db8::10]/hook")).isEmpty();
        assertThat(strict.refusal("https://[::ffff:203.0.113.10]/hook")).isEmpty();
    }

    @Test
    void refusesAPublicAddressWrittenInAFormResolversReadDifferently() {
        // 3405803786 is 203.0.113.10; 010.0.0.1 is 8.0.0.1 to inet_aton but 10.0.0.1 to a decimal reader.
        for (String url : List.of("http://3405803786/", "http://203.0.29706/", "http://0xcb.0.113.10/", "http://010.0.0.1/")) {
            assertThat(strict.refusal(url)).as(url).hasValueSatisfying(refusal ->
                    assertThat(refusal.rule()).isEqualTo("canonical-address"));
        }
        assertThat(strict.refusal("http://999.1.1.1/")).isPresent();
        assertThat(strict.refusal("http://1.2.3.4.5/")).isPresent();
    }

    @Test
    void theAllowListOpensOnPremiseReceiversButNeverMetadataMulticastOrUnspecified() {
        assertThat(onPremise.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(onPremise.refusal("http://[::ffff:127.0.0.1]:8080/hook")).isEmpty();
        assertThat(onPremise.refusal("http://10.20.3.4/hook")).isEmpty();
        assertThat(onPremise.refusal("http://localhost:8080/hook")).isEmpty();
        assertThat(onPremise.refusal("http://169.254.1.1/")).isEmpty();
        assertThat(onPremise.refusal("http://127.0.0.2/")).isPresent();
        assertThat(onPremise.refusal("http://10.21.0.1/")).isPresent();
        assertThat(onPremise.refusal("http://169.254.169.254/")).isPresent();
        assertThat(onPremise.refusal("http://[fd00:ec2::254]/")).isPresent();
        assertThat(onPremise.refusal("http://metadata.google.internal/")).isPresent();
        assertThat(onPremise.refusal("http://0.0.0.0/")).isPresent();
    }

    @Test
    void refusesOtherSchemesUserInfoFragmentsAndOverlongUrls() {
        assertThat(strict.refusal("ftp://203.0.113.10/")).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("http-url"));
        assertThat(strict.refusal("gopher://203.0.113.10/")).isPresent();
        assertThat(strict.refusal("file:///etc/passwd")).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("http-url"));
        assertThat(strict.refusal("https://u:p@203.0.113.10/")).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("http-url"));
        assertThat(strict.refusal("https://203.0.113.10/#x")).isPresent();
        assertThat(strict.refusal("not a url")).isPresent();
        assertThat(strict.refusal("https://203.0.113.10/" + "a".repeat(3000)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("max-length"));
    }

    @Test
    void sendTimeResolutionRefusesANameThatNowPointsInside() throws Exception {
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> strict.resolve("0x7f.1")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> strict.resolve("::ffff:7f00:1")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> strict.resolve("metadata.google.internal")).isInstanceOf(RefusedTargetException.class);
        assertThat(strict.resolve("203.0.113.10")).extracting(address -> address.getHostAddress()).containsExactly("203.0.113.10");
        assertThat(onPremise.resolve("localhost")).isNotEmpty();
    }

    @Test
    void aMalformedAllowListFailsAtStartUp() {
        assertThatThrownBy(() -> new TargetPolicy(new OutboundProperties(List.of("10.0.0.0/33"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetPolicy(new OutboundProperties(List.of("receiver.internal/8"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
