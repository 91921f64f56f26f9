package org.certhub.stix.internal;

/** RFC 4291 text form of IPv6 addresses, with {@code ::} compression and an optional CIDR suffix. */
public final class Ipv6 {

    private Ipv6() {
    }

    /** Whether {@code s} is an IPv6 address, optionally with a CIDR suffix. */
    public static boolean isValid(String s) {
        int slash = s.indexOf('/');
        int end = slash < 0 ? s.length() : slash;
        if (slash >= 0 && !Formats.isNumberInRange(s, slash + 1, s.length(), 128)) {
            return false;
        }
        return isAddress(s, end);
    }

    private static boolean isAddress(String s, int end) {
        if (end < 2) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == end) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (i < end) {
            int groupEnd = i;
            while (groupEnd < end && Formats.isHexDigit(s.charAt(groupEnd)) && groupEnd - i < 5) {
                groupEnd++;
            }
            if (groupEnd < end && s.charAt(groupEnd) == '.') {
                // An embedded IPv4 address takes the room of the last two groups.
                return Formats.isDottedQuad(s, i, end) && (compressed ? groups <= 5 : groups == 6);
            }
            int length = groupEnd - i;
            if (length < 1 || length > 4) {
                return false;
            }
            groups++;
            if (groupEnd == end) {
                break;
            }
            if (s.charAt(groupEnd) != ':') {
                return false;
            }
            if (groupEnd + 1 < end && s.charAt(groupEnd + 1) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i = groupEnd + 2;
                if (i == end) {
                    break;
                }
            } else {
                i = groupEnd + 1;
                if (i == end) {
                    return false;
                }
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }
}
