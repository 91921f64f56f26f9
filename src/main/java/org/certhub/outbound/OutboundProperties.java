package org.certhub.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound calls ({@code certhub.outbound.*}).
 *
 * @param allowedTargets on-premise receivers the hub may call although their addresses are loopback,
 *     private, link-local or unique-local: host names (exactly as in the URL) or addresses and CIDR
 *     ranges ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}, {@code fd00:1::/64}). Metadata, multicast
 *     and unspecified addresses stay refused whatever this says. Empty by default.
 */
@ConfigurationProperties("certhub.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedTargets) {

    public OutboundProperties {
        allowedTargets = allowedTargets == null ? List.of() : List.copyOf(allowedTargets);
    }
}
