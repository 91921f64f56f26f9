package org.certhub.tenancy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTests {

    @Test
    void generatedKeyHasThePrefixAKeyIdAnd32BytesOfUrlSafeSecret() {
        ApiKey key = ApiKeys.generate();

        assertThat(key.value()).matches("chk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(key.secret())).hasSize(32);
    }

    @Test
    void generatedKeysAreAllDifferent() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(ApiKeys.generate().value());
        }
        assertThat(values).hasSize(1000);
    }

    @Test
    void parsingAnIssuedKeyGivesItBackEvenWhenTheSecretContainsUnderscores() {
        ApiKey key = new ApiKey("0123456789abcdef", "_a_" + "b".repeat(37) + "_-_");

        assertThat(ApiKey.parse(key.value())).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chk_", "Bearer chk_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "chk_0123456789ABCDEF_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "chk_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "chk_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=",
            "xyz_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "chk_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+/a"})
    void textThatIsNotAKeyDoesNotParse(String text) {
        assertThat(ApiKey.parse(text)).isEmpty();
    }

    @Test
    void keyNeverShowsItsSecretInItsStringForm() {
        ApiKey key = ApiKeys.generate();

        assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.secret());
    }
}
