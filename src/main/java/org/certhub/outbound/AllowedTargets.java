package org.certhub.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The on-premise receivers an operator opened ({@code certhub.outbound.allowed-targets}): host
 * names, and addresses or CIDR ranges. An IPv6 address carrying an IPv4 one is matched by that too.
 */
final class AllowedTargets {

    private final Set<String> hosts = new HashSet<>();
    private final List<Range> ranges = new ArrayList<>();

    AllowedTargets(List<String> entries) {
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Range> range = Range.parse(entry);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else {
                hosts.add(entry);
            }
        }
    }

    boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allowsAddress(InetAddress address) {
        Optional<? extends InetAddress> embedded = HostAddresses.embeddedIpv4(address);
        return ranges.stream().anyMatch(range -> range.contains(address) || embedded.filter(range::contains).isPresent());
    }

    /** An address and its prefix length. */
    private record Range(byte[] network, int prefix) {

        static Optional<Range> parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            boolean looksNumeric = address.indexOf(':') >= 0 || address.chars().allMatch(c -> Character.isDigit(c) || c == '.');
            if (!looksNumeric) {
                if (slash >= 0) {
                    throw new IllegalArgumentException("certhub.outbound.allowed-targets: not a CIDR range: " + entry);
                }
                return Optional.empty();
            }
            try {
                byte[] bytes = HostAddresses.literal(address).orElseThrow(() -> new HostAddresses.InvalidHost("no address"))
                        .getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("certhub.outbound.allowed-targets: bad prefix length in " + entry);
                }
                return Optional.of(new Range(bytes, prefix));
            } catch (HostAddresses.InvalidHost | NumberFormatException e) {
                throw new IllegalArgumentException("certhub.outbound.allowed-targets: not an address or CIDR range: " + entry, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
