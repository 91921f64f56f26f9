package org.certhub.stix.pattern;

import java.util.List;
import java.util.Objects;

/** The content of one observation's brackets: a single comparison or comparisons joined by AND or OR. */
public sealed interface ComparisonExpression permits PatternComparison, ComparisonExpression.Combination {

    /** How the operands of a {@link Combination} are joined; AND binds tighter than OR. */
    enum Connective { AND, OR }

    /**
     * Two or more comparison expressions joined by one connective; a chain such as {@code a AND b AND c}
     * is one combination with three operands.
     *
     * @param connective AND or OR
     * @param operands the joined expressions in source order
     */
    record Combination(Connective connective, List<ComparisonExpression> operands) implements ComparisonExpression {
        public Combination {
            Objects.requireNonNull(connective, "connective");
            operands = List.copyOf(operands);
        }
    }
}
