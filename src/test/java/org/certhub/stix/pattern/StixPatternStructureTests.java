package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.certhub.stix.pattern.ComparisonExpression.Connective;
import org.certhub.stix.pattern.ObservationExpression.Combination;
import org.certhub.stix.pattern.ObservationExpression.Observation;
import org.certhub.stix.pattern.ObservationExpression.Operator;
import org.certhub.stix.pattern.PatternQualifier.Repeats;
import org.certhub.stix.pattern.PatternQualifier.StartStop;
import org.certhub.stix.pattern.PatternQualifier.Within;
import org.junit.jupiter.api.Test;

class StixPatternStructureTests {

    @Test
    void bindsObservationAndTighterThanOrAndOrTighterThanFollowedBy() {
        ObservationExpression root = StixPattern.parse("[a-a:x = 1] FOLLOWEDBY [b-b:x = 1] OR [c-c:x = 1]"
                + " AND [d-d:x = 1]").expression();

        Combination followedBy = (Combination) root;
        assertThat(followedBy.operator()).isEqualTo(Operator.FOLLOWEDBY);
        assertThat(followedBy.operands()).hasSize(2);
        Combination or = (Combination) followedBy.operands().get(1);
        assertThat(or.operator()).isEqualTo(Operator.OR);
        Combination and = (Combination) or.operands().get(1);
        assertThat(and.operator()).isEqualTo(Operator.AND);
        assertThat(and.operands()).hasSize(2).allMatch(Observation.class::isInstance);
    }

    @Test
    void keepsAChainOfOneOperatorAsOneCombination() {
        Combination and = (Combination) StixPattern.parse("[a-a:x = 1] AND [a-a:x = 2] AND [a-a:x = 3]").expression();

        assertThat(and.operands()).hasSize(3);
    }

    @Test
    void letsParenthesesOverridePrecedence() {
        Combination and = (Combination) StixPattern.parse("([a-a:x = 1] OR [a-a:x = 2]) AND [a-a:x = 3]")
                .expression();

        assertThat(and.operator()).isEqualTo(Operator.AND);
        assertThat(((Combination) and.operands().get(0)).operator()).isEqualTo(Operator.OR);
    }

    @Test
    void bindsComparisonAndTighterThanOr() {
        Observation observation = (Observation) StixPattern.parse("[a-a:x = 1 OR a-a:x = 2 AND a-a:x = 3]")
                .expression();

        ComparisonExpression.Combination or = (ComparisonExpression.Combination) observation.comparison();
        assertThat(or.connective()).isEqualTo(Connective.OR);
        assertThat(or.operands().get(0)).isInstanceOf(PatternComparison.class);
        assertThat(((ComparisonExpression.Combination) or.operands().get(1)).connective()).isEqualTo(Connective.AND);
    }

    @Test
    void attachesQualifiersToTheObservationTheyFollow() {
        Combination followedBy = (Combination) StixPattern.parse("[a-a:x = 1] FOLLOWEDBY [a-a:x = 2]"
                + " WITHIN 300 SECONDS").expression();

        assertThat(followedBy.qualifiers()).isEmpty();
        assertThat(followedBy.operands().get(1).qualifiers()).containsExactly(new Within(300));
    }

    @Test
    void attachesQualifiersAfterParenthesesToTheWholeGroup() {
        Combination followedBy = (Combination) StixPattern.parse("([a-a:x = 1] FOLLOWEDBY [a-a:x = 2])"
                + " WITHIN 300 SECONDS").expression();

        assertThat(followedBy.qualifiers()).containsExactly(new Within(300));
        assertThat(followedBy.operands()).allSatisfy(operand -> assertThat(operand.qualifiers()).isEmpty());
    }

    @Test
    void keepsSeveralQualifiersOfDifferentKindsInSourceOrder() {
        ObservationExpression observation = StixPattern.parse("[a-a:x = 1] REPEATS 5 TIMES WITHIN 1.5 SECONDS"
                + " START t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z'").expression();

        assertThat(observation.qualifiers()).hasSize(3);
        assertThat(observation.qualifiers().get(0)).isEqualTo(new Repeats(5));
        assertThat(observation.qualifiers().get(1)).isEqualTo(new Within(1.5));
        StartStop window = (StartStop) observation.qualifiers().get(2);
        assertThat(window.start().instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(window.stop().instant()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void mergesQualifiersOfDifferentKindsAcrossParentheses() {
        ObservationExpression observation = StixPattern.parse("([a-a:x = 1] REPEATS 2 TIMES) WITHIN 5 SECONDS")
                .expression();

        assertThat(observation).isInstanceOf(Observation.class);
        assertThat(observation.qualifiers()).containsExactly(new Repeats(2), new Within(5));
    }

    @Test
    void acceptsWhitespaceOfAnyKindBetweenTokensAndNoneWhereUnambiguous() {
        StixPattern spaced = StixPattern.parse("\n\t[ file : name\r\n=\u00a0'a' ]\u2003AND\n[file:size=1]\n");
        StixPattern tight = StixPattern.parse("[file:name='a'AND file:size>1]");

        assertThat(spaced.comparisons()).hasSize(2);
        assertThat(tight.comparisons()).extracting(PatternComparison::operator).containsExactly("=", ">");
    }
}
