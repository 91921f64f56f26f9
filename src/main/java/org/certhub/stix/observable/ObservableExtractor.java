package org.certhub.stix.observable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Pulls the comparable values out of one STIX object, normalised ({@link Normalization}): SCO
 * values (addresses and networks, domains, URLs, e-mail and MAC addresses, autonomous systems),
 * hashes of files and certificates, the values indicator patterns look for, ATT&CK technique ids
 * of attack patterns, CVE ids of vulnerabilities, and the names and aliases of malware, threat
 * actors and intrusion sets.
 */
public final class ObservableExtractor {

    static final Map<String, ObservableType> HASHES = Map.of(
            "MD5", ObservableType.MD5, "SHA-1", ObservableType.SHA1, "SHA1", ObservableType.SHA1,
            "SHA-256", ObservableType.SHA256, "SHA256", ObservableType.SHA256,
            "SHA-512", ObservableType.SHA512, "SHA512", ObservableType.SHA512);

    private ObservableExtractor() {
    }

    /** The distinct observables of {@code object}, in the order found. */
    public static List<Observable> extract(JsonNode object) {
        Set<Observable> found = new LinkedHashSet<>();
        String type = object.path("type").asString("");
        String value = object.path("value").asString("");
        switch (type) {
            case "ipv4-addr", "ipv6-addr" -> Normalization.ip(value).ifPresent(found::add);
            case "domain-name" -> add(found, ObservableType.DOMAIN, value);
            case "url" -> add(found, ObservableType.URL, value);
            case "email-addr" -> add(found, ObservableType.EMAIL, value);
            case "mac-addr" -> add(found, ObservableType.MAC, value);
            case "autonomous-system" -> {
                if (object.path("number").isIntegralNumber()) {
                    add(found, ObservableType.ASN, String.valueOf(object.path("number").asLong()));
                }
            }
            case "attack-pattern" -> techniques(object, found);
            case "vulnerability" -> cves(object, found);
            case "malware" -> names(object, ObservableType.MALWARE, found);
            case "threat-actor", "intrusion-set" -> names(object, ObservableType.THREAT_ACTOR, found);
            case "indicator" -> {
                if (object.path("pattern_type").asString("").equals("stix")) {
                    PatternObservables.extract(object.path("pattern").asString(""), found);
                }
            }
            default -> { }
        }
        hashes(object.path("hashes"), found);
        return new ArrayList<>(found);
    }

    static void add(Set<Observable> found, ObservableType type, String raw) {
        Normalization.of(type, raw).ifPresent(found::add);
    }

    private static void hashes(JsonNode hashes, Set<Observable> found) {
        if (!hashes.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> hash : hashes.properties()) {
            ObservableType type = HASHES.get(hash.getKey().toUpperCase(Locale.ROOT));
            if (type != null && hash.getValue().isString()) {
                add(found, type, hash.getValue().asString());
            }
        }
    }

    private static void techniques(JsonNode object, Set<Observable> found) {
        for (JsonNode reference : object.path("external_references")) {
            String source = reference.path("source_name").asString("").toLowerCase(Locale.ROOT);
            if (source.startsWith("mitre")) {
                add(found, ObservableType.ATTACK_TECHNIQUE, reference.path("external_id").asString(""));
            }
        }
    }

    private static void cves(JsonNode object, Set<Observable> found) {
        for (JsonNode reference : object.path("external_references")) {
            add(found, ObservableType.CVE, reference.path("external_id").asString(""));
        }
        add(found, ObservableType.CVE, object.path("name").asString(""));
    }

    private static void names(JsonNode object, ObservableType type, Set<Observable> found) {
        add(found, type, object.path("name").asString(""));
        for (JsonNode alias : object.path("aliases")) {
            add(found, type, alias.asString(""));
        }
    }

    /** A convenience for callers that index by field: the type of a hash algorithm name, if known. */
    public static Optional<ObservableType> hashType(String algorithm) {
        return Optional.ofNullable(HASHES.get(algorithm.toUpperCase(Locale.ROOT)));
    }
}
