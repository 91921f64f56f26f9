package org.certhub.tenancy.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.certhub.tenancy.keys.ApiKey;

/**
 * Reads the API key from an {@code Authorization} header: {@code Bearer <key>}, or {@code Basic}
 * with the principal id as user and the key as password (what TAXII clients send).
 */
final class AuthorizationHeaders {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private AuthorizationHeaders() {
    }

    /** The presented key, or empty when the header is not one of the two forms with a well-formed key. */
    static Optional<PresentedApiKey> parse(String header) {
        String value = header.strip();
        if (startsWithIgnoringCase(value, BEARER)) {
            return ApiKey.parse(value.substring(BEARER.length()).strip())
                    .map(key -> new PresentedApiKey(key, Optional.empty()));
        }
        if (startsWithIgnoringCase(value, BASIC)) {
            return basic(value.substring(BASIC.length()).strip());
        }
        return Optional.empty();
    }

    private static Optional<PresentedApiKey> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String principalId = decoded.substring(0, colon);
        return ApiKey.parse(decoded.substring(colon + 1))
                .map(key -> new PresentedApiKey(key, Optional.of(principalId)));
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
