package org.certhub.stix.pattern;

import java.util.List;
import java.util.Objects;

/**
 * A parsed STIX 2.1 pattern (STIX 2.1 Part 9, "STIX Patterning"), e.g.
 * {@code [file:hashes.'SHA-256' = 'aec0...'] AND [network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']}.
 * Immutable and thread-safe.
 */
public final class StixPattern {

    private final String text;
    private final ObservationExpression expression;
    private final List<PatternComparison> comparisons;

    StixPattern(String text, ObservationExpression expression, List<PatternComparison> comparisons) {
        this.text = text;
        this.expression = expression;
        this.comparisons = comparisons;
    }

    /**
     * Parses a STIX 2.1 pattern. Runs in time linear in the text's length, with parenthesis nesting bounded at
     * 64 levels; limiting the text's length is the caller's concern.
     *
     * @param text the pattern
     * @return the parsed pattern
     * @throws StixPatternException when the text is not a valid pattern, with the position of the problem and
     *     what was expected there
     */
    public static StixPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        return new ObservationParser(text).parsePattern();
    }

    /**
     * @return every comparison expression in the pattern, flattened in source order, including those under
     *     NOT, OR and FOLLOWEDBY; unmodifiable
     */
    public List<PatternComparison> comparisons() {
        return comparisons;
    }

    /** @return the root of the pattern's tree of observation expressions */
    public ObservationExpression expression() {
        return expression;
    }

    /** @return the pattern text as given to {@link #parse(String)} */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
