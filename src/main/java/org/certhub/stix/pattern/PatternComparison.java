package org.certhub.stix.pattern;

import java.util.List;
import java.util.Objects;

/**
 * One comparison of a pattern, such as {@code file:hashes.'SHA-256' = 'aec0...'}.
 *
 * @param objectType the object type before the colon, e.g. {@code file} or {@code x-usb-device}
 * @param objectPath the path after the colon with quotes removed, e.g. {@code hashes.SHA-256} or
 *     {@code extensions.windows-pebinary-ext.sections[*].entropy}
 * @param operator one of {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code IN},
 *     {@code LIKE}, {@code MATCHES}, {@code ISSUBSET}, {@code ISSUPERSET}, {@code EXISTS}
 * @param negated whether {@code NOT} preceded the operator
 * @param values the right-hand side: the members for {@code IN}, none for {@code EXISTS}, else exactly one
 */
public record PatternComparison(String objectType, String objectPath, String operator, boolean negated,
        List<PatternValue> values) implements ComparisonExpression {

    public PatternComparison {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectPath, "objectPath");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }
}
