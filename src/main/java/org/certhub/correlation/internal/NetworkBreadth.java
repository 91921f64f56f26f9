package org.certhub.correlation.internal;

import java.util.Optional;

import org.certhub.correlation.CorrelationProperties;
import org.certhub.stix.IpValues;

/**
 * Which networks are too broad to contain anything: a network broader than the configured prefix
 * (for example {@code 0.0.0.0/0} or a {@code /8}) never gains containment members and is never
 * answered as the network an address is {@code contained-in}. Otherwise one CERT reporting such a
 * network at a shareable level would make every address anyone reports a member of a correlation
 * everyone may see, and a lookup of candidate addresses would tell which ones another CERT holds
 * at a restricted level. Such a network still correlates with the same network reported by others.
 * <p>
 * Breadth is compared as a prefix length in IPv6 terms ({@link #mappedPrefix}): an IPv4
 * {@code /p} is the IPv4-mapped IPv6 {@code /96+p}, the way Elasticsearch's {@code ip_range}
 * stores it, so one indexed number serves both families.
 *
 * @param minIpv4Prefix the shortest IPv4 prefix that still gains containment members
 * @param minIpv6Prefix the shortest IPv6 prefix that still gains containment members
 */
public record NetworkBreadth(int minIpv4Prefix, int minIpv6Prefix) {

    private static final int IPV4_MAPPED = 96;

    public static NetworkBreadth of(CorrelationProperties properties) {
        return new NetworkBreadth(properties.containment().minIpv4Prefix(), properties.containment().minIpv6Prefix());
    }

    /** Whether the network may gain containment members and answer as a containing network. */
    public boolean contains(String cidr) {
        return mappedPrefix(cidr).filter(prefix -> prefix >= (isIpv4(cidr) ? IPV4_MAPPED + minIpv4Prefix : minIpv6Prefix))
                .isPresent();
    }

    /** The shortest mapped prefix an IPv4 (or else IPv6) address's containing networks may have. */
    int minMappedPrefix(boolean ipv4) {
        return ipv4 ? IPV4_MAPPED + minIpv4Prefix : minIpv6Prefix;
    }

    /** The network's prefix length as an IPv6 prefix: an IPv4 {@code /p} is {@code 96+p}; empty when not a network. */
    static Optional<Integer> mappedPrefix(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String address = cidr.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (IpValues.isIpv4(address)) {
            return prefix >= 0 && prefix <= 32 ? Optional.of(IPV4_MAPPED + prefix) : Optional.empty();
        }
        return IpValues.isIpv6(address) && prefix >= 0 && prefix <= 128 ? Optional.of(prefix) : Optional.empty();
    }

    private static boolean isIpv4(String cidr) {
        int slash = cidr.indexOf('/');
        return IpValues.isIpv4(slash < 0 ? cidr : cidr.substring(0, slash));
    }
}
