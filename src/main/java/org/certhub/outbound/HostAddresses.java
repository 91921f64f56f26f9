package org.certhub.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What address a host stands for, and what kind of address that is. Resolvers and URL parsers accept
 * IPv4 addresses in more forms than {@code a.b.c.d} (inet_aton: octal {@code 0177.0.0.1}, hex
 * {@code 0x7f.1}, one number {@code 2130706433}, short {@code 127.1}), and IPv6 addresses can carry
 * an IPv4 address (mapped {@code ::ffff:127.0.0.1}, compatible, NAT64, 6to4): every form is read here
 * the widest way, so that no spelling of a refused address slips through.
 */
final class HostAddresses {

    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private HostAddresses() {
    }

    /** Why a host text is not a usable host, thrown by {@link #literal}. */
    static final class InvalidHost extends Exception {

        InvalidHost(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The address a host written as an IP literal stands for (brackets allowed), or empty when the
     * host is a name to resolve.
     *
     * @throws InvalidHost for something that looks like an address but is none (e.g. {@code 999.1.1.1})
     */
    static Optional<InetAddress> literal(String host) throws InvalidHost {
        String text = host.toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.indexOf(':') >= 0) {
            if (!IPV6.matcher(text).matches()) {
                throw new InvalidHost("Not an IPv6 address (zone ids are not accepted).");
            }
            try {
                return Optional.of(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                throw new InvalidHost("Not an IPv6 address.");
            }
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] labels = text.split("\\.", -1);
        // As URL parsers do: a host whose last label is a number is an IPv4 address, or invalid.
        if (!NUMBER.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(ipv4(labels));
    }

    /**
     * Whether every parser reads {@code host} as {@code address}: an IPv6 literal, or an IPv4 address
     * in dotted decimal (other IPv4 forms are read differently by different resolvers).
     */
    static boolean canonical(String host, InetAddress address) {
        return host.indexOf(':') >= 0 || !(address instanceof Inet4Address) || address.getHostAddress().equals(host);
    }

    /** The kind of restricted address this is, or empty for an ordinary public address. */
    static Optional<Restricted> restriction(InetAddress address) {
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return restriction(embedded.get());
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int last = b[3] & 0xff;
            if ((first == 169 && second == 254 && b[2] == (byte) 169 && last == 254)
                    || (first == 100 && second == 100 && b[2] == (byte) 100 && last == 200)) {
                return Optional.of(Restricted.METADATA);
            }
            if (first == 0 && second == 0 && b[2] == 0 && last == 0) {
                return Optional.of(Restricted.UNSPECIFIED);
            }
            if (first >= 224) {
                // 224/4 multicast, 240/4 reserved, 255.255.255.255 broadcast
                return Optional.of(Restricted.MULTICAST_OR_RESERVED);
            }
        } else {
            if (b[0] == (byte) 0xfd && b[1] == 0 && b[2] == 0x0e && b[3] == (byte) 0xc2) {
                return Optional.of(Restricted.METADATA);
            }
            if (address.isAnyLocalAddress()) {
                return Optional.of(Restricted.UNSPECIFIED);
            }
            if (address.isMulticastAddress()) {
                return Optional.of(Restricted.MULTICAST_OR_RESERVED);
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(Restricted.LOOPBACK);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Restricted.LINK_LOCAL);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(Restricted.PRIVATE);
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments, 198.18/15 benchmarking
            boolean special = first == 0 || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && b[2] == 0) || (first == 198 && (second & 0xfe) == 18);
            return special ? Optional.of(Restricted.PRIVATE) : Optional.empty();
        }
        // fc00::/7 unique local; 64:ff9b:1::/48 local-use NAT64 (whatever it translates to is local)
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        boolean localNat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && b[4] == 0 && b[5] == 1;
        return uniqueLocal || localNat64 ? Optional.of(Restricted.UNIQUE_LOCAL) : Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 address carries: mapped ({@code ::ffff:0:0/96}), translated
     * ({@code ::ffff:0:0:0/96}), compatible ({@code ::/96} but {@code ::} and {@code ::1}), NAT64
     * ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}).
     */
    static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int offset = -1;
        if (zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            offset = 12;
        } else if (zero(b, 0, 8) && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            offset = 12;
        } else if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            offset = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12)) {
            offset = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            offset = 2;
        }
        if (offset < 0) {
            return Optional.empty();
        }
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** inet_aton: 1 to 4 numbers (decimal, octal with a leading 0, hex with 0x); the last fills the remaining bytes. */
    private static InetAddress ipv4(String[] labels) throws InvalidHost {
        if (labels.length > 4) {
            throw new InvalidHost("Not an IPv4 address.");
        }
        long value = 0;
        for (int i = 0; i < labels.length; i++) {
            long part = number(labels[i]);
            boolean last = i == labels.length - 1;
            long limit = last ? 1L << (8 * (5 - labels.length)) : 256;
            if (part >= limit) {
                throw new InvalidHost("Not an IPv4 address.");
            }
            value = last ? (value << (8 * (5 - labels.length))) | part : (value << 8) | part;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private static long number(String label) throws InvalidHost {
        if (!NUMBER.matcher(label).matches() || label.length() > 12) {
            throw new InvalidHost("Not an IPv4 address.");
        }
        try {
            if (label.startsWith("0x")) {
                return label.length() == 2 ? 0 : Long.parseLong(label.substring(2), 16);
            }
            if (label.length() > 1 && label.startsWith("0")) {
                return Long.parseLong(label.substring(1), 8);
            }
            return Long.parseLong(label);
        } catch (NumberFormatException e) {
            throw new InvalidHost("Not an IPv4 address.");
        }
    }

    /** Kinds of addresses only the hub's own network can reach, with the message a refusal gives. */
    enum Restricted {
        LOOPBACK("Loopback addresses are refused.", true),
        PRIVATE("Private-network addresses are refused.", true),
        LINK_LOCAL("Link-local addresses are refused.", true),
        UNIQUE_LOCAL("Unique-local addresses are refused.", true),
        METADATA("Cloud metadata endpoints are refused.", false),
        MULTICAST_OR_RESERVED("Multicast, broadcast and reserved addresses are refused.", false),
        UNSPECIFIED("The unspecified address is refused.", false);

        private final String message;
        private final boolean allowable;

        Restricted(String message, boolean allowable) {
            this.message = message;
            this.allowable = allowable;
        }

        String message() {
            return message;
        }

        /** Whether {@code certhub.outbound.allowed-targets} can open it for an on-premise receiver. */
        boolean allowable() {
            return allowable;
        }
    }
}
