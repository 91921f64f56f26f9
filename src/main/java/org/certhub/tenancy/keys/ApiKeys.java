package org.certhub.tenancy.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues API keys and checks presented ones against their stored hashes.
 * <p>
 * Why SHA-256 and not bcrypt: the secrets are 256 random bits, so there is nothing for a slow hash
 * to protect against brute force, while bcrypt would cost ~100 ms on every request (the intake's
 * p99 budget is 50 ms).
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeys() {
    }

    /** A new key: 8 random bytes of key id, 32 of secret. */
    public static ApiKey generate() {
        return new ApiKey(HEX.formatHex(randomBytes(8)), URL_SAFE.encodeToString(randomBytes(32)));
    }

    /** What is stored of the key. */
    public static StoredKey hash(ApiKey key, Instant created) {
        return new StoredKey(key.keyId(), HEX.formatHex(sha256(key.secret())), created);
    }

    /** Whether the presented key is the stored one; compares the hashes in constant time. */
    public static boolean matches(StoredKey stored, ApiKey presented) {
        return stored.keyId().equals(presented.keyId())
                && MessageDigest.isEqual(HEX.parseHex(stored.sha256()), sha256(presented.secret()));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
