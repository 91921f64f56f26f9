package org.certhub.correlation;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The STIX id of a correlation ({@code grouping--<uuid>}): the first 128 bits of the correlation id
 * (itself the SHA-256 of {@code type:value}) with the version and variant bits of an RFC 9562
 * name-based UUID (version 8, SHA-256). Deterministic, so every hub instance, every reader and
 * every version of a correlation share one id.
 */
public final class CorrelationStixIds {

    public static final String TYPE = "grouping";
    private static final String PREFIX = TYPE + "--";

    private CorrelationStixIds() {
    }

    public static String of(String correlationId) {
        byte[] bytes = HexFormat.of().parseHex(correlationId.substring(0, 32));
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        return PREFIX + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /**
     * The first 12 hex digits of the correlation id behind a STIX id (the bits the UUID keeps
     * untouched), to find its candidates; empty when the id is not one this hub gives.
     */
    public static Optional<String> correlationIdPrefix(String stixId) {
        String id = stixId.toLowerCase(Locale.ROOT);
        if (!id.startsWith(PREFIX) || id.length() != PREFIX.length() + 36) {
            return Optional.empty();
        }
        String uuid = id.substring(PREFIX.length()).replace("-", "");
        if (uuid.length() != 32 || !uuid.chars().allMatch(c -> Character.digit(c, 16) >= 0) || uuid.charAt(12) != '8') {
            return Optional.empty();
        }
        return Optional.of(uuid.substring(0, 12));
    }
}
