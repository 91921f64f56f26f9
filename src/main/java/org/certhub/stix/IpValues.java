package org.certhub.stix;

import java.util.Locale;
import java.util.Optional;

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
            if (prefix.isPresent()) {
                return prefix.get() <= 32 ? Optional.of(cidrOrHost(address, prefix.get(), 32, "ipv4")) : Optional.empty();
            }
            return Optional.of(new Ip("ipv4", address));
        }
        if (isIpv6(address)) {
            String lower = address.toLowerCase(Locale.ROOT);
            if (prefix.isPresent()) {
                return prefix.get() <= 128 ? Optional.of(cidrOrHost(lower, prefix.get(), 128, "ipv6")) : Optional.empty();
            }
            return Optional.of(new Ip("ipv6", lower));
        }
        return Optional.empty();
    }

    /** A domain name compared case-insensitively and without its root dot. */
    public static String domain(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** A /32 (or /128) is a single host: index it as an address so term lookups find it. */
    private static Ip cidrOrHost(String address, int prefix, int hostPrefix, String hostField) {
        return prefix == hostPrefix ? new Ip(hostField, address) : new Ip("cidr", address + "/" + prefix);
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
