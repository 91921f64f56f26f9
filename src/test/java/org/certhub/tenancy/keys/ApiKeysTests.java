package org.certhub.tenancy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ApiKeysTests {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void storedKeyIsTheSha256OfTheSecretAndNeverTheSecret() throws Exception {
        ApiKey key = ApiKeys.generate();

        StoredKey stored = ApiKeys.hash(key, NOW);

        byte[] expected = MessageDigest.getInstance("SHA-256").digest(key.secret().getBytes(StandardCharsets.UTF_8));
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(stored.keyId()).isEqualTo(key.keyId());
        assertThat(stored.created()).isEqualTo(NOW);
        assertThat(stored.toString()).doesNotContain(key.secret());
    }

    @Test
    void issuedKeyMatchesItsStoredHash() {
        ApiKey key = ApiKeys.generate();

        assertThat(ApiKeys.matches(ApiKeys.hash(key, NOW), key)).isTrue();
    }

    @Test
    void anotherSecretWithTheSameKeyIdDoesNotMatch() {
        ApiKey key = ApiKeys.generate();
        ApiKey forged = new ApiKey(key.keyId(), ApiKeys.generate().secret());

        assertThat(ApiKeys.matches(ApiKeys.hash(key, NOW), forged)).isFalse();
    }

    @Test
    void secretDifferingOnlyInItsLastCharacterDoesNotMatch() {
        ApiKey key = new ApiKey("0123456789abcdef", "a".repeat(43));
        ApiKey almost = new ApiKey("0123456789abcdef", "a".repeat(42) + "b");

        assertThat(ApiKeys.matches(ApiKeys.hash(key, NOW), almost)).isFalse();
    }

    @Test
    void theRightSecretUnderAnotherKeyIdDoesNotMatch() {
        ApiKey key = ApiKeys.generate();
        ApiKey moved = new ApiKey("ffffffffffffffff", key.secret());

        assertThat(ApiKeys.matches(ApiKeys.hash(key, NOW), moved)).isFalse();
    }
}
