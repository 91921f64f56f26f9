package org.certhub.stix.internal;

/**
 * Syntax checks for string formats used by STIX properties. Hand-written loops: linear time on any input,
 * no regular-expression backtracking on hostile strings.
 */
public final class Formats {

    private Formats() {
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** STIX hex type: an even, non-zero number of hex digits. */
    static boolean isHex(String s) {
        return !s.isEmpty() && s.length() % 2 == 0 && isHex(s, 0, s.length());
    }

    static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** STIX binary type: RFC 4648 base64 with padding. */
    static boolean isBase64(String s) {
        int n = s.length();
        if (n == 0 || n % 4 != 0) {
            return false;
        }
        int padding = s.charAt(n - 1) == '=' ? (s.charAt(n - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - padding; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '+' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** mac-addr value: MUST be colon-delimited, lowercase MAC-48 with leading zeros. */
    static boolean isMac(String s) {
        if (s.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Dotted-quad IPv4 address with an optional CIDR suffix (0 to 32). */
    static boolean isIpv4(String s) {
        int slash = s.indexOf('/');
        int end = slash < 0 ? s.length() : slash;
        if (slash >= 0 && !isNumberInRange(s, slash + 1, s.length(), 32)) {
            return false;
        }
        return isDottedQuad(s, 0, end);
    }

    /** Whether {@code s[from, to)} is a dotted-quad IPv4 address (shared with the hub's IP normalisation). */
    public static boolean isDottedQuad(String s, int from, int to) {
        int start = from;
        for (int part = 0; part < 4; part++) {
            int dot = part < 3 ? s.indexOf('.', start) : to;
            if (dot < 0 || dot > to || !isNumberInRange(s, start, dot, 255)
                    || (dot - start > 1 && s.charAt(start) == '0')) {
                return false;
            }
            start = dot + 1;
        }
        return true;
    }

    /** Decimal digits only, 1 to 3 of them, value at most {@code max}. */
    static boolean isNumberInRange(String s, int from, int to, int max) {
        if (to <= from || to - from > 3) {
            return false;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max;
    }

    /** RFC 3986 shape: a scheme, a colon, something after it, and no whitespace or control characters. */
    static boolean isUrl(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            if (s.charAt(i) <= ' ' || s.charAt(i) == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** addr-spec shape: a non-empty local part and domain around the last {@code @}. */
    static boolean isEmail(String s) {
        int at = s.lastIndexOf('@');
        return at > 0 && at < s.length() - 1 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /**
     * Domain name shape: at most 253 characters, dot-separated non-empty labels of at most 63 characters,
     * no whitespace or control characters (internationalised labels are allowed as they are).
     */
    static boolean isDomainName(String s) {
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63) {
                    return false;
                }
                labelStart = i + 1;
            } else if (Character.isWhitespace(name.charAt(i)) || Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5646 language tag shape: subtags of 1 to 8 ASCII letters or digits, the first letters only. */
    static boolean isLanguageTag(String s) {
        int n = s.length();
        if (n == 0 || n > 250) {
            return false;
        }
        int subtagStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '-') {
                int length = i - subtagStart;
                if (length < 1 || length > 8) {
                    return false;
                }
                subtagStart = i + 1;
            } else {
                char c = s.charAt(i);
                boolean ok = subtagStart == 0 ? isAsciiLetter(c) : isAlnum(c);
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** relationship_type: ASCII a-z, 0-9 and hyphen only. */
    static boolean isRelationshipType(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
