package org.certhub.feed.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook URLs the hub may POST to. A subscription URL is a request the hub makes on a
 * subscriber's behalf, so it must not reach what only the hub can reach (server-side request
 * forgery): loopback, private networks (unless allowed, for tests and labs), link-local addresses
 * and cloud metadata endpoints (never). The check runs when a subscription is registered and again
 * before every delivery, as a name may resolve elsewhere later.
 */
final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

    private final boolean allowPrivate;

    WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is refused (rule id and message), or empty when the hub may POST to it. */
    Optional<Refusal> refusal(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return refuse("max-length", "At most " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return refuse("url", "Not a valid absolute URL.");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refuse("http-url", "Only https and http URLs are accepted.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return refuse("http-url", "An absolute URL with a host, without user info or fragment.");
        }
        return refusal(uri);
    }

    /** The same check of a stored URL, resolving its host now. */
    Optional<Refusal> refusal(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host)) {
            return refuse("public-target", "Cloud metadata endpoints are refused.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return refuse("resolvable-host", "The host name does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (alwaysRefused(address)) {
                return refuse("public-target", "Link-local, metadata, multicast and unspecified addresses are refused.");
            }
            if (!allowPrivate && isPrivate(address)) {
                return refuse("public-target", "Loopback and private-network addresses are refused.");
            }
        }
        return Optional.empty();
    }

    private static boolean alwaysRefused(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean awsIpv6Metadata = address instanceof Inet6Address && (bytes[0] & 0xff) == 0xfd && (bytes[1] & 0xff) == 0x00
                && (bytes[2] & 0xff) == 0x0e && (bytes[3] & 0xff) == 0xc2;
        return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || awsIpv6Metadata;
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 198.18.0.0/15 (benchmarking)
            return (first == 100 && second >= 64 && second < 128) || first == 0 || (first == 198 && (second & 0xfe) == 18);
        }
        // fc00::/7: unique local addresses
        return (bytes[0] & 0xfe) == 0xfc;
    }

    private static Optional<Refusal> refuse(String rule, String message) {
        return Optional.of(new Refusal(rule, message));
    }

    /** Why a URL is refused: the rule broken and a message for the subscriber. */
    record Refusal(String rule, String message) {
    }
}
