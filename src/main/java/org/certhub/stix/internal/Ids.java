package org.certhub.stix.internal;

/**
 * Hand-written checks for STIX type names and identifiers: they run on every object and every reference,
 * so they avoid regular expressions and allocation.
 */
public final class Ids {

    /** Length of {@code --} plus a canonical 36-character UUID. */
    private static final int SUFFIX = 38;

    private Ids() {
    }

    /**
     * STIX 2.1 type names: 3 to 250 characters of a-z, 0-9 and hyphen, starting with a letter,
     * without two consecutive hyphens (which would make identifiers ambiguous).
     */
    public static boolean isValidType(String type) {
        int n = type.length();
        if (n < 3 || n > 250 || !isLower(type.charAt(0))) {
            return false;
        }
        char previous = 'a';
        for (int i = 1; i < n; i++) {
            char c = type.charAt(i);
            if (c == '-') {
                if (previous == '-') {
                    return false;
                }
            } else if (!isLower(c) && !isDigit(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** @return true for {@code <type>--<uuid>} with a valid type and an RFC 4122 UUID */
    public static boolean isValid(String id) {
        int n = id.length();
        if (n < SUFFIX + 3) {
            return false;
        }
        int typeEnd = n - SUFFIX;
        return id.charAt(typeEnd) == '-' && id.charAt(typeEnd + 1) == '-'
                && isUuid(id, typeEnd + 2) && isValidType(id.substring(0, typeEnd));
    }

    /** @return the type part of an identifier already known to be valid */
    public static String typeOf(String validId) {
        return validId.substring(0, validId.length() - SUFFIX);
    }

    /** @return true when {@code id} is valid and its type part equals {@code type} */
    public static boolean hasType(String id, String type) {
        return id.length() == type.length() + SUFFIX && id.startsWith(type) && isValid(id);
    }

    /**
     * RFC 4122 UUID in canonical 8-4-4-4-12 form, version 1 to 5 and variant 10xx, as the STIX 2.1 schemas
     * require; upper-case hex digits are tolerated (the OASIS examples contain some).
     */
    static boolean isUuid(String s, int from) {
        if (s.length() - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!Formats.isHexDigit(c)) {
                return false;
            }
        }
        char version = s.charAt(from + 14);
        char variant = s.charAt(from + 19);
        return version >= '1' && version <= '5'
                && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b'
                || variant == 'A' || variant == 'B');
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
