package org.certhub.stix;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import org.certhub.stix.internal.Formats;
import org.certhub.stix.internal.Ipv6;

/**
 * Checks and normalises IP addresses and CIDR blocks before they reach Elasticsearch's typed
 * {@code ip} / {@code ip_range} fields, which would otherwise reject the whole document.
 */
public final class IpValues {

    private IpValues() {
    }

    /** An address or network and the index field it belongs in. */
    public record Ip(String field, String normalized) {
    }

    /** The index field ({@code ipv4}, {@code ipv6} or {@code cidr}) and normalised form, if it is an IP value. */
    public static Optional<Ip> classify(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        Optional<Integer> prefix = slash < 0 ? Optional.empty() : parsePrefix(value.substring(slash + 1));
        if (slash >= 0 && prefix.isEmpty()) {
            return Optional.empty();
        }
        if (isIpv4(address)) {
            String canonical = format(bytes(address));
            if (prefix.isPresent()) {
                return prefix.get() <= 32 ? Optional.of(cidrOrHost(address, prefix.get(), 32, "ipv4")) : Optional.empty();
            }
            return Optional.of(new Ip("ipv4", canonical));
        }
        if (isIpv6(address)) {
            if (prefix.isPresent()) {
                return prefix.get() <= 128 ? Optional.of(cidrOrHost(address, prefix.get(), 128, "ipv6")) : Optional.empty();
            }
            return Optional.of(new Ip("ipv6", format(bytes(address))));
        }
        return Optional.empty();
    }

    /**
     * Whether the network {@code cidr} (as {@link #classify} writes it) contains {@code address}
     * (an IPv4 or IPv6 address); false for anything that is not both.
     */
    public static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !(isIpv4(address) || isIpv6(address))) {
            return false;
        }
        String network = cidr.substring(0, slash);
        Optional<Integer> prefix = parsePrefix(cidr.substring(slash + 1));
        if (prefix.isEmpty() || !(isIpv4(network) || isIpv6(network))) {
            return false;
        }
        byte[] net = bytes(network);
        byte[] host = bytes(address);
        return net.length == host.length && prefix.get() <= net.length * 8
                && java.util.Arrays.equals(mask(net, prefix.get()), mask(host, prefix.get()));
    }

    /** The 4 or 16 bytes of a valid IPv4 or IPv6 address. */
    static byte[] bytes(String address) {
        if (isIpv4(address)) {
            String[] parts = address.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                out[i] = (byte) Integer.parseInt(parts[i]);
            }
            return out;
        }
        String text = address.toLowerCase(Locale.ROOT);
        int[] groups = new int[8];
        String head = text;
        String tail = "";
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0) {
            head = text.substring(0, doubleColon);
            tail = text.substring(doubleColon + 2);
        }
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        boolean embeddedIpv4 = texts[texts.length - 1].contains(".");
        int[] out = new int[texts.length + (embeddedIpv4 ? 1 : 0)];
        for (int i = 0; i < texts.length; i++) {
            if (embeddedIpv4 && i == texts.length - 1) {
                byte[] v4 = bytes(texts[i]);
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                out[i] = Integer.parseInt(texts[i], 16);
            }
        }
        return out;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    /**
     * The canonical text of an address: dotted quad for IPv4; for IPv6 the RFC 5952 form (lower
     * case, no leading zeros, the longest run of zero groups compressed), IPv4-mapped ones as
     * {@code ::ffff:a.b.c.d}.
     */
    private static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            return "::ffff:" + format(java.util.Arrays.copyOfRange(address, 12, 16));
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringJoiner before = new StringJoiner(":");
        StringJoiner after = new StringJoiner(":");
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLength) {
                continue;
            }
            (bestStart >= 0 && i >= bestStart + bestLength ? after : before).add(Integer.toHexString(groups[i]));
        }
        return bestStart < 0 ? before.toString() : before + "::" + after;
    }

    /** A domain name compared case-insensitively and without its root dot. */
    public static String domain(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * A /32 (or /128) is a single host: index it as an address so term lookups find it. A network
     * is written with its host bits cleared, so {@code 198.51.100.7/24} and {@code 198.51.100.0/24}
     * are one value.
     */
    private static Ip cidrOrHost(String address, int prefix, int hostPrefix, String hostField) {
        byte[] bytes = bytes(address);
        return prefix == hostPrefix ? new Ip(hostField, format(bytes))
                : new Ip("cidr", format(mask(bytes, prefix)) + "/" + prefix);
    }

    private static Optional<Integer> parsePrefix(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    public static boolean isIpv4(String text) {
        return Formats.isDottedQuad(text, 0, text.length());
    }

    public static boolean isIpv6(String text) {
        return text.indexOf('/') < 0 && Ipv6.isValid(text);
    }
}
