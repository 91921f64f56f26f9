package org.certhub.playbook.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for content hashes and the engine's deterministic ids. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A stable id: {@code prefix} and the first 128 bits of the SHA-256 of the parts joined by NUL. */
    public static String id(String prefix, String... parts) {
        return prefix + sha256(String.join("\u0000", parts)).substring(0, 32);
    }
}
