package org.certhub.outbound;

/**
 * Why an outbound URL is refused.
 *
 * @param rule a stable rule id: {@code url} (not a URL), {@code max-length}, {@code http-url} (not an
 *     absolute http(s) URL with a host and without user info), {@code public-target} (a loopback,
 *     private, link-local, unique-local, multicast, unspecified or metadata address, in whatever form
 *     it is written), {@code canonical-address} (a public address written in a form resolvers disagree
 *     on, e.g. octal), {@code resolvable-host} (the name does not resolve)
 * @param message a human explanation, with no address the hub resolved (it may be internal)
 */
public record Refusal(String rule, String message) {
}
