package org.certhub.stix.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The STIX hashes type: a dictionary from hash algorithm to digest. */
final class Hashes {

    static final Check HASHES = Hashes::check;

    private Hashes() {
    }

    static void check(JsonNode value, String pointer, Issues out) {
        if (!Checks.isNonEmptyObject(value, pointer, out)) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String algorithm = entry.getKey();
            String at = Pointers.child(pointer, algorithm);
            if (!Dictionaries.isKey(algorithm, 3)) {
                out.error(at, "hash-key", "hash algorithm name " + Texts.quote(algorithm)
                        + " must be 3 to 250 ASCII letters, digits, hyphens or underscores");
            } else if (Checks.isString(entry.getValue(), at, out)) {
                digest(algorithm, entry.getValue().stringValue(), at, out);
            }
        }
    }

    private static void digest(String algorithm, String digest, String pointer, Issues out) {
        if (!Vocabularies.HASH_ALGORITHM.contains(algorithm)) {
            out.warn(pointer, "vocabulary", Texts.quote(algorithm) + " is not in hash-algorithm-ov"
                    + " (MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512, SSDEEP, TLSH)");
            return;
        }
        if (!matches(algorithm, digest)) {
            out.error(pointer, "hash-format", "not a valid " + algorithm + " digest: " + Texts.quote(digest));
        }
    }

    private static boolean matches(String algorithm, String digest) {
        return switch (algorithm) {
            case "MD5" -> isHexOfLength(digest, 32);
            case "SHA-1" -> isHexOfLength(digest, 40);
            case "SHA-256", "SHA3-256" -> isHexOfLength(digest, 64);
            case "SHA-512", "SHA3-512" -> isHexOfLength(digest, 128);
            case "SSDEEP" -> isSsdeep(digest);
            // TLSH digests are 70 hex digits; version 4 tools prefix them with "T1".
            case "TLSH" -> isHexOfLength(digest, 70) || (digest.startsWith("T1") && digest.length() == 72
                    && Formats.isHex(digest, 2, 72));
            default -> true;
        };
    }

    private static boolean isHexOfLength(String digest, int length) {
        return digest.length() == length && Formats.isHex(digest, 0, length);
    }

    /** ssdeep: {@code blocksize:hash:hash}, base64 alphabet, at most 128 characters (as the OASIS schema). */
    private static boolean isSsdeep(String digest) {
        if (digest.isEmpty() || digest.length() > 128) {
            return false;
        }
        for (int i = 0; i < digest.length(); i++) {
            char c = digest.charAt(i);
            if (!Formats.isAlnum(c) && c != '/' && c != '+' && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
