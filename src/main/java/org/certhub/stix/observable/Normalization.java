package org.certhub.stix.observable;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.certhub.stix.IpValues;

/**
 * The canonical form of each observable type, so that the same value written two ways is one
 * value: IP addresses in RFC 5952 form and networks with host bits cleared, domains lower case and
 * internationalised names in punycode, URLs with a lower-case scheme and host and no default port,
 * names lower case with their white space collapsed.
 */
public final class Normalization {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern ASN = Pattern.compile("(?i)(AS)?(\\d{1,10})");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ftp", 21,
            "ws", 80, "wss", 443);

    private Normalization() {
    }

    /** The canonical form of {@code raw} as a value of {@code type}; empty when it is not one. */
    public static Optional<Observable> of(ObservableType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        Optional<String> value = switch (type) {
            case IPV4, IPV6, CIDR -> IpValues.classify(text).filter(ip -> ip.field().equals(type.id()))
                    .map(IpValues.Ip::normalized);
            case DOMAIN -> domain(text);
            case URL -> Optional.of(url(text));
            case EMAIL -> email(text);
            case MD5, SHA1, SHA256, SHA512 -> Optional.of(text.toLowerCase(Locale.ROOT));
            case ASN -> asn(text);
            case MAC -> Optional.of(text.toLowerCase(Locale.ROOT).replace('-', ':'));
            case ATTACK_TECHNIQUE -> Optional.of(text.toUpperCase(Locale.ROOT)).filter(id -> TECHNIQUE_ID.matcher(id).matches());
            case CVE -> Optional.of(text.toUpperCase(Locale.ROOT)).filter(id -> CVE_ID.matcher(id).matches());
            case MALWARE, THREAT_ACTOR -> Optional.of(name(text)).filter(name -> !name.isEmpty());
            case OTHER -> Optional.of(text);
        };
        return value.map(v -> new Observable(type, v));
    }

    /** An IP address or network, typed {@code ipv4}, {@code ipv6} or {@code cidr}. */
    public static Optional<Observable> ip(String raw) {
        return IpValues.classify(raw.trim()).map(ip -> new Observable(ObservableType.fromId(ip.field()).orElseThrow(),
                ip.normalized()));
    }

    /** A name (malware, threat actor): NFKC, lower case, trimmed, inner white space one blank. */
    public static String name(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        return WHITE_SPACE.matcher(folded).replaceAll(" ");
    }

    /** A domain name: lower case, no root dot, internationalised labels in punycode (IDNA). */
    public static Optional<String> domain(String raw) {
        String lower = IpValues.domain(raw.trim());
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(punycode(lower));
    }

    /** An e-mail address: lower case, its domain in punycode. */
    public static Optional<String> email(String raw) {
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0 || at == lower.length() - 1) {
            return Optional.of(lower).filter(value -> !value.isEmpty());
        }
        return Optional.of(lower.substring(0, at + 1) + punycode(IpValues.domain(lower.substring(at + 1))));
    }

    /**
     * A URL in canonical form: scheme and host lower case, an internationalised host in punycode,
     * an IPv6 host in RFC 5952 form, the scheme's default port dropped, an empty path written
     * {@code /}. Path, query and fragment are kept as they are (they are case-sensitive). Text
     * that is not {@code scheme://authority...} is only trimmed: malicious URLs are often not
     * well-formed, and must still compare equal to themselves.
     */
    public static String url(String raw) {
        String text = raw.trim();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0 || !text.substring(0, schemeEnd).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return text;
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = text.substring(schemeEnd + 3);
        int authorityEnd = firstOf(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        String host = hostPort;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close > 0) {
                host = hostPort.substring(0, close + 1);
                port = hostPort.substring(close + 1).startsWith(":") ? hostPort.substring(close + 2) : "";
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = hostPort.substring(colon + 1);
            }
        }
        String canonicalHost = canonicalHost(host);
        boolean defaultPort = port.isEmpty() || port.equals(String.valueOf(DEFAULT_PORTS.getOrDefault(scheme, -1)));
        String path = tail.isEmpty() || tail.startsWith("?") || tail.startsWith("#") ? "/" + tail : tail;
        return scheme + "://" + userInfo + canonicalHost + (defaultPort ? "" : ":" + port) + path;
    }

    private static String canonicalHost(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            String inner = host.substring(1, host.length() - 1);
            return IpValues.isIpv6(inner) ? "[" + IpValues.classify(inner).map(IpValues.Ip::normalized).orElse(inner) + "]"
                    : host.toLowerCase(Locale.ROOT);
        }
        String lower = IpValues.domain(host);
        return IpValues.isIpv4(lower) ? lower : punycode(lower);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** IDNA ToASCII of a lower-case name; a name IDNA refuses (e.g. with underscores) is kept as is. */
    private static String punycode(String lower) {
        boolean ascii = lower.chars().allMatch(c -> c < 0x80);
        if (ascii && !lower.contains("xn--")) {
            return lower;
        }
        try {
            return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return lower;
        }
    }

    private static Optional<String> asn(String text) {
        var matcher = ASN.matcher(text.replace(" ", ""));
        return matcher.matches() ? Optional.of(String.valueOf(Long.parseLong(matcher.group(2)))) : Optional.empty();
    }

    /**
     * What a value pasted by a person may be, each in canonical form: an IP address or network,
     * a URL, an e-mail address, a hash (by its length), a CVE or technique id, a MAC address, a
     * domain name, or else a malware or threat actor name. A lookup asks for all of them at once.
     */
    public static List<Observable> candidates(String raw) {
        List<Observable> found = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return found;
        }
        String text = raw.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<Observable> ip = ip(text);
        if (ip.isPresent()) {
            found.add(ip.get());
            return found;
        }
        if (lower.contains("://")) {
            of(ObservableType.URL, text).ifPresent(found::add);
            return found;
        }
        if (lower.indexOf('@') > 0 && !lower.contains(" ")) {
            of(ObservableType.EMAIL, text).ifPresent(found::add);
            return found;
        }
        if (HEX.matcher(lower).matches()) {
            switch (lower.length()) {
                case 32 -> found.add(new Observable(ObservableType.MD5, lower));
                case 40 -> found.add(new Observable(ObservableType.SHA1, lower));
                case 64 -> found.add(new Observable(ObservableType.SHA256, lower));
                case 128 -> found.add(new Observable(ObservableType.SHA512, lower));
                default -> { }
            }
        }
        of(ObservableType.CVE, text).ifPresent(found::add);
        of(ObservableType.ATTACK_TECHNIQUE, text).ifPresent(found::add);
        if (MAC.matcher(lower.replace('-', ':')).matches()) {
            of(ObservableType.MAC, text).ifPresent(found::add);
        }
        if (lower.startsWith("as")) {
            of(ObservableType.ASN, text).ifPresent(found::add);
        }
        domain(text).filter(domain -> DOMAIN.matcher(domain).matches()).ifPresent(domain ->
                found.add(new Observable(ObservableType.DOMAIN, domain)));
        if (found.isEmpty()) {
            of(ObservableType.MALWARE, text).ifPresent(found::add);
            of(ObservableType.THREAT_ACTOR, text).ifPresent(found::add);
        }
        return found;
    }
}
