package org.certhub.stix.pattern;

import java.util.List;
import java.util.Objects;

/**
 * An observation expression: a bracketed comparison expression, or observation expressions joined by AND, OR
 * or FOLLOWEDBY. Either may carry qualifiers; parentheses leave no node of their own, so qualifiers written
 * after {@code ( ... )} belong to the expression inside.
 */
public sealed interface ObservationExpression {

    /** How the operands of a {@link Combination} are joined; AND binds tighter than OR, OR tighter than FOLLOWEDBY. */
    enum Operator { AND, OR, FOLLOWEDBY }

    /** @return the qualifiers in source order, at most one of each kind */
    List<PatternQualifier> qualifiers();

    /**
     * {@code [ comparison ]} with its qualifiers.
     *
     * @param comparison what is inside the brackets
     * @param qualifiers the qualifiers in source order
     */
    record Observation(ComparisonExpression comparison, List<PatternQualifier> qualifiers)
            implements ObservationExpression {
        public Observation {
            Objects.requireNonNull(comparison, "comparison");
            qualifiers = List.copyOf(qualifiers);
        }
    }

    /**
     * Two or more observation expressions joined by one operator; {@code a AND b AND c} is one combination.
     *
     * @param operator AND, OR or FOLLOWEDBY
     * @param operands the joined expressions in source order
     * @param qualifiers qualifiers written after the parenthesised combination
     */
    record Combination(Operator operator, List<ObservationExpression> operands, List<PatternQualifier> qualifiers)
            implements ObservationExpression {
        public Combination {
            Objects.requireNonNull(operator, "operator");
            operands = List.copyOf(operands);
            qualifiers = List.copyOf(qualifiers);
        }
    }
}
