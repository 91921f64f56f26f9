package org.certhub.pipeline;

import java.util.Locale;
import java.util.Map;

import org.certhub.stix.IpValues;
import org.certhub.stix.pattern.PatternComparison;
import org.certhub.stix.pattern.PatternValue;
import org.certhub.stix.pattern.StixPattern;
import org.certhub.stix.pattern.StixPatternException;

/**
 * The observable values an indicator's STIX pattern looks for: every non-negated equality or
 * {@code IN} comparison on a value-bearing path, and {@code ISSUBSET} CIDR blocks, so that an
 * indicator is found by the same value as the SCOs another CERT shared.
 */
final class PatternObservables {

    private static final Map<String, String> HASH_FIELDS = Map.of(
            "MD5", "md5", "SHA-1", "sha1", "SHA-256", "sha256", "SHA-512", "sha512");

    private PatternObservables() {
    }

    static void extract(String pattern, ObservableExtractor.Observables into) {
        StixPattern parsed;
        try {
            parsed = StixPattern.parse(pattern);
        } catch (StixPatternException e) {
            return;
        }
        for (PatternComparison comparison : parsed.comparisons()) {
            if (comparison.negated()) {
                continue;
            }
            switch (comparison.operator()) {
                case "=", "IN" -> comparison.values().forEach(value -> stringOf(value)
                        .ifPresent(text -> addValue(comparison.objectType(), comparison.objectPath(), text, into)));
                case "ISSUBSET" -> comparison.values().forEach(value -> stringOf(value)
                        .ifPresent(text -> IpValues.classify(text).ifPresent(ip -> into.add(ip.field(), ip.normalized()))));
                default -> { }
            }
        }
    }

    private static void addValue(String type, String path, String value, ObservableExtractor.Observables into) {
        if (path.startsWith("hashes.")) {
            String field = HASH_FIELDS.get(path.substring("hashes.".length()).toUpperCase(Locale.ROOT));
            if (field != null) {
                into.add(field, value.toLowerCase(Locale.ROOT));
            }
            return;
        }
        boolean valuePath = path.equals("value") || path.endsWith("_ref.value");
        if (!valuePath) {
            return;
        }
        switch (type) {
            case "ipv4-addr", "ipv6-addr" -> into.address(value);
            case "network-traffic" -> into.address(value);
            case "domain-name" -> into.add("domain", IpValues.domain(value));
            case "url" -> into.add("url", value.trim());
            case "email-addr" -> into.add("email", value.trim().toLowerCase(Locale.ROOT));
            case "email-message" -> into.add("email", value.trim().toLowerCase(Locale.ROOT));
            default -> into.add("values", value.trim());
        }
    }

    private static java.util.Optional<String> stringOf(PatternValue value) {
        return value instanceof PatternValue.StringValue string ? java.util.Optional.of(string.value())
                : java.util.Optional.empty();
    }
}
