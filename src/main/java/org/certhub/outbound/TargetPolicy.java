package org.certhub.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The one policy for every URL the hub calls on someone's behalf (contact webhooks, subscription
 * webhooks, any later feed): a request the hub makes must not reach what only the hub can reach
 * (server-side request forgery). Only http and https; no loopback, private, link-local, unique-local,
 * multicast, unspecified or cloud metadata target, however the address is written, unless an
 * operator opened it ({@link OutboundProperties#allowedTargets()}; metadata, multicast and unspecified
 * never). Checked when a URL is saved ({@link #refusal(String)}) and again at every send on the
 * addresses the name resolves to then ({@link #resolve(String)}, used by {@link OutboundHttp}), since a
 * name may point elsewhere later (DNS rebinding).
 */
@Component
public final class TargetPolicy {

    public static final int MAX_URL_LENGTH = 2048;
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

    private final AllowedTargets allowed;

    public TargetPolicy(OutboundProperties properties) {
        this.allowed = new AllowedTargets(properties.allowedTargets());
    }

    /** Why the hub may not call this URL (as given, e.g. in a request body), or empty when it may. */
    public Optional<Refusal> refusal(String url) {
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
        if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@") || uri.getRawFragment() != null) {
            return refuse("http-url", "An absolute URL with a host, without user info or fragment.");
        }
        if (uri.getHost() == null) {
            // Not a host Java's URI reads (e.g. 0x7f.1, 2130706433, 127.1): refused, but say why when it is a refused address.
            return refusal(hostOf(uri.getRawAuthority()), false)
                    .or(() -> refuse("http-url", "The host is not a valid name or address."));
        }
        return refusal(uri.getHost(), true);
    }

    /** The same check of a stored URL, resolving its host now. */
    public Optional<Refusal> refusal(URI url) {
        return refusal(url.toString());
    }

    /**
     * The addresses {@code host} resolves to now, every one of them allowed; what a sender must
     * connect to (and only to).
     *
     * @throws RefusedTargetException when the host or any of its addresses is refused
     * @throws UnknownHostException when the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        Optional<Refusal> named = namedRefusal(name);
        if (named.isPresent()) {
            throw new RefusedTargetException(named.get());
        }
        InetAddress[] addresses = addresses(name);
        if (!allowed.allowsHost(name)) {
            for (InetAddress address : addresses) {
                Optional<Refusal> refused = addressRefusal(address);
                if (refused.isPresent()) {
                    throw new RefusedTargetException(refused.get());
                }
            }
        } else {
            for (InetAddress address : addresses) {
                Optional<HostAddresses.Restricted> kind = HostAddresses.restriction(address);
                if (kind.filter(restricted -> !restricted.allowable()).isPresent()) {
                    throw new RefusedTargetException(new Refusal("public-target", kind.get().message()));
                }
            }
        }
        return addresses;
    }

    /** An HTTP client that calls only targets this policy allows, connecting to the addresses it checked. */
    public OutboundHttp client(Duration connectTimeout) {
        return new OutboundHttp(this, connectTimeout);
    }

    private Optional<Refusal> refusal(String host, boolean javaReadsIt) {
        String name = host.toLowerCase(Locale.ROOT);
        Optional<Refusal> named = namedRefusal(name);
        if (named.isPresent()) {
            return named;
        }
        Optional<InetAddress> literal;
        try {
            literal = HostAddresses.literal(name);
        } catch (HostAddresses.InvalidHost e) {
            return refuse("http-url", e.getMessage());
        }
        if (literal.isPresent()) {
            Optional<Refusal> refused = addressRefusal(literal.get());
            if (refused.isPresent() || !javaReadsIt || !HostAddresses.canonical(unbracketed(name), literal.get())) {
                return refused.or(() -> refuse("canonical-address", "Write an IPv4 address as four decimal numbers (a.b.c.d)."));
            }
            return Optional.empty();
        }
        if (!javaReadsIt) {
            return Optional.empty();
        }
        try {
            resolve(name);
            return Optional.empty();
        } catch (RefusedTargetException e) {
            return Optional.of(e.refusal());
        } catch (UnknownHostException e) {
            return refuse("resolvable-host", "The host name does not resolve.");
        }
    }

    private Optional<Refusal> namedRefusal(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (METADATA_HOSTS.contains(name)) {
            return refuse("public-target", "Cloud metadata endpoints are refused.");
        }
        return Optional.empty();
    }

    private Optional<Refusal> addressRefusal(InetAddress address) {
        Optional<HostAddresses.Restricted> kind = HostAddresses.restriction(address);
        if (kind.isEmpty() || (kind.get().allowable() && allowed.allowsAddress(address))) {
            return Optional.empty();
        }
        return refuse("public-target", kind.get().message());
    }

    /** An IP literal in any form is read here, never handed to the system resolver (which reads some forms differently). */
    private static InetAddress[] addresses(String host) throws UnknownHostException {
        try {
            Optional<InetAddress> literal = HostAddresses.literal(host);
            if (literal.isPresent()) {
                return new InetAddress[] {literal.get()};
            }
        } catch (HostAddresses.InvalidHost e) {
            throw new UnknownHostException(e.getMessage());
        }
        return InetAddress.getAllByName(host);
    }

    private static String hostOf(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Refusal> refuse(String rule, String message) {
        return Optional.of(new Refusal(rule, message));
    }
}
