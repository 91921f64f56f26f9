package org.certhub.stix.observable;

import java.util.Optional;
import java.util.Set;

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

    private PatternObservables() {
    }

    static void extract(String pattern, Set<Observable> into) {
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
                case "=", "IN" -> comparison.values().forEach(value -> textOf(value)
                        .ifPresent(text -> addValue(comparison.objectType(), comparison.objectPath(), text, into)));
                case "ISSUBSET" -> comparison.values().forEach(value -> textOf(value)
                        .flatMap(Normalization::ip).ifPresent(into::add));
                default -> { }
            }
        }
    }

    private static void addValue(String type, String path, String value, Set<Observable> into) {
        if (path.startsWith("hashes.")) {
            ObservableExtractor.hashType(unquote(path.substring("hashes.".length())))
                    .ifPresent(hash -> ObservableExtractor.add(into, hash, value));
            return;
        }
        if (type.equals("autonomous-system") && path.equals("number")) {
            ObservableExtractor.add(into, ObservableType.ASN, value);
            return;
        }
        boolean valuePath = path.equals("value") || path.endsWith("_ref.value");
        if (!valuePath) {
            return;
        }
        switch (type) {
            case "ipv4-addr", "ipv6-addr", "network-traffic" -> Normalization.ip(value).ifPresent(into::add);
            case "domain-name" -> ObservableExtractor.add(into, ObservableType.DOMAIN, value);
            case "url" -> ObservableExtractor.add(into, ObservableType.URL, value);
            case "email-addr", "email-message" -> ObservableExtractor.add(into, ObservableType.EMAIL, value);
            case "mac-addr" -> ObservableExtractor.add(into, ObservableType.MAC, value);
            default -> ObservableExtractor.add(into, ObservableType.OTHER, value);
        }
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("'") && name.endsWith("'") ? name.substring(1, name.length() - 1) : name;
    }

    private static Optional<String> textOf(PatternValue value) {
        if (value instanceof PatternValue.StringValue string) {
            return Optional.of(string.value());
        }
        if (value instanceof PatternValue.IntValue number) {
            return Optional.of(String.valueOf(number.value()));
        }
        return Optional.empty();
    }
}
