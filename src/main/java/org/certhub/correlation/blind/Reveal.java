package org.certhub.correlation.blind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.certhub.correlation.BlindReveal;

/**
 * One blind reveal as the ledger counts it: (viewer, owner, value type and value, UTC day). Its id is
 * derived from exactly those, so a replay, a second answer of the day or a second hub instance
 * writes the same document (and is told 409 by Elasticsearch) instead of counting again.
 *
 * @param viewer the principal id told
 * @param reveal what it was told
 * @param day the UTC day of the telling
 */
record Reveal(String viewer, BlindReveal reveal, LocalDate day) {

    /** The UTC day an instant falls on: the budget's period. */
    static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The document id: {@code br-} and the SHA-256 hex of the fields that make a reveal distinct. */
    String id() {
        String key = String.join("\n", viewer, reveal.owner(), reveal.valueType(), reveal.value(), day.toString());
        try {
            return "br-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
