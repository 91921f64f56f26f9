package org.certhub.correlation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.certhub.stix.IpValues;
import org.certhub.stix.observable.Normalization;
import org.certhub.stix.observable.Observable;

/**
 * Which values are too common to mean anything: the configured allow-list (exact values; networks,
 * which cover every address and smaller network inside them; domains, which cover their
 * sub-domains), and any value sighted by more than {@code maxMembers} incidents or reports.
 */
public final class Suppression {

    public static final String ALLOW_LISTED = "allow-listed";
    public static final String TOO_COMMON = "too-common";

    private final Set<String> values = new HashSet<>();
    private final List<String> networks = new ArrayList<>();
    private final int maxMembers;

    public Suppression(List<String> suppressedValues, int maxMembers) {
        this.maxMembers = maxMembers;
        for (String raw : suppressedValues) {
            Optional<Observable> ip = Normalization.ip(raw);
            if (ip.isPresent() && ip.get().type().id().equals("cidr")) {
                networks.add(ip.get().value());
            } else {
                values.add(ip.map(Observable::value).orElse(raw.trim().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** Why a value with this many members is suppressed, if it is. */
    public Optional<String> reason(String valueType, String value, int memberCount) {
        if (allowListed(valueType, value)) {
            return Optional.of(ALLOW_LISTED);
        }
        return memberCount > maxMembers ? Optional.of(TOO_COMMON) : Optional.empty();
    }

    /** Whether the value is on the allow-list (whatever its count). */
    public boolean allowListed(String valueType, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (values.contains(lower)) {
            return true;
        }
        switch (valueType) {
            case "ipv4", "ipv6" -> {
                return networks.stream().anyMatch(network -> IpValues.contains(network, value));
            }
            case "cidr" -> {
                int slash = value.indexOf('/');
                int prefix = Integer.parseInt(value.substring(slash + 1));
                String address = value.substring(0, slash);
                return networks.stream().anyMatch(network -> IpValues.contains(network, address)
                        && prefix >= Integer.parseInt(network.substring(network.indexOf('/') + 1)));
            }
            case "domain" -> {
                return values.stream().anyMatch(suppressed -> lower.endsWith("." + suppressed));
            }
            default -> {
                return false;
            }
        }
    }
}
