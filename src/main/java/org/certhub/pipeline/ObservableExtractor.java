package org.certhub.pipeline;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.certhub.stix.IpValues;

import tools.jackson.databind.JsonNode;

/**
 * Pulls the comparable values out of a STIX object into typed index fields (IPs and CIDRs,
 * domains, URLs, e-mail addresses, hashes by algorithm, ATT&CK technique and CVE ids), normalised
 * so that the same value written two ways is found as one.
 */
final class ObservableExtractor {

    private static final Map<String, String> HASH_FIELDS = Map.of(
            "MD5", "md5", "SHA-1", "sha1", "SHA1", "sha1", "SHA-256", "sha256", "SHA256", "sha256",
            "SHA-512", "sha512", "SHA512", "sha512");

    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private ObservableExtractor() {
    }

    static Observables extract(JsonNode object) {
        Observables found = new Observables();
        String type = object.path("type").asString("");
        String value = object.path("value").asString("").trim();
        switch (type) {
            case "ipv4-addr", "ipv6-addr" -> found.address(value);
            case "domain-name" -> found.add("domain", IpValues.domain(value));
            case "url" -> found.add("url", value);
            case "email-addr" -> found.add("email", value.toLowerCase(Locale.ROOT));
            case "attack-pattern" -> externalIds(object, found, "attack_technique");
            case "vulnerability" -> externalIds(object, found, "cve");
            case "indicator" -> {
                if (object.path("pattern_type").asString("").equals("stix")) {
                    PatternObservables.extract(object.path("pattern").asString(""), found);
                }
            }
            default -> { }
        }
        hashes(object.path("hashes"), found);
        return found;
    }

    private static void hashes(JsonNode hashes, Observables found) {
        if (!hashes.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> hash : hashes.properties()) {
            String field = HASH_FIELDS.get(hash.getKey().toUpperCase(Locale.ROOT));
            if (field != null && hash.getValue().isString()) {
                found.add(field, hash.getValue().asString().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void externalIds(JsonNode object, Observables found, String field) {
        for (JsonNode reference : object.path("external_references")) {
            String id = reference.path("external_id").asString("").trim().toUpperCase(Locale.ROOT);
            String source = reference.path("source_name").asString("").toLowerCase(Locale.ROOT);
            boolean technique = field.equals("attack_technique") && source.startsWith("mitre")
                    && TECHNIQUE_ID.matcher(id).matches();
            boolean cve = field.equals("cve") && CVE_ID.matcher(id).matches();
            if (technique || cve) {
                found.add(field, id);
            }
        }
        if (field.equals("cve")) {
            String name = object.path("name").asString("").trim().toUpperCase(Locale.ROOT);
            if (CVE_ID.matcher(name).matches()) {
                found.add(field, name);
            }
        }
    }

    /** The values found, by index field; every value also goes to the generic {@code values} field. */
    static final class Observables {

        private final Map<String, Set<String>> byField = new java.util.TreeMap<>();

        void add(String field, String value) {
            if (value == null || value.isEmpty()) {
                return;
            }
            byField.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(value);
            byField.computeIfAbsent("values", f -> new LinkedHashSet<>()).add(value);
        }

        void address(String value) {
            IpValues.classify(value).ifPresentOrElse(ip -> add(ip.field(), ip.normalized()), () -> add("values", value));
        }

        Map<String, Set<String>> byField() {
            return byField;
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }
    }
}
