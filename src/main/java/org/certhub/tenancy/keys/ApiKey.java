package org.certhub.tenancy.keys;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key: {@code chk_<keyId>_<secret>}. The key id (16 hex digits) finds the stored hash in one
 * lookup; the secret (32 random bytes, URL-safe base64) is what proves possession. The key id has
 * no {@code _}, so the first one after the prefix ends it even when the secret contains some.
 *
 * @param keyId public part, stored in clear
 * @param secret private part, never stored nor logged
 */
public record ApiKey(String keyId, String secret) {

    private static final Pattern FORMAT = Pattern.compile("chk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

    /** The key as the client sends it. */
    public String value() {
        return "chk_" + keyId + "_" + secret;
    }

    /** The key in this text, if it has the format of one (whether it is valid is for the store to say). */
    public static Optional<ApiKey> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? Optional.of(new ApiKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Never the secret: a key that reaches a log line must not leak. */
    @Override
    public String toString() {
        return "ApiKey[" + keyId + "]";
    }
}
