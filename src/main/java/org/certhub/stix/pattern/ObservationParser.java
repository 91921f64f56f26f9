package org.certhub.stix.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.certhub.stix.pattern.ObservationExpression.Combination;
import org.certhub.stix.pattern.ObservationExpression.Observation;
import org.certhub.stix.pattern.ObservationExpression.Operator;

/**
 * Recursive descent over the observation level: FOLLOWEDBY binds loosest, then OR, then AND; qualifiers
 * bind tighter than all three, to the bracketed or parenthesised expression they follow.
 */
final class ObservationParser {

    private final String text;
    private final TokenCursor cursor;
    private final List<PatternComparison> comparisons = new ArrayList<>();
    private final ComparisonParser comparisonParser;
    private final QualifierParser qualifierParser;

    ObservationParser(String text) {
        this.text = text;
        this.cursor = new TokenCursor(text);
        this.comparisonParser = new ComparisonParser(cursor, comparisons);
        this.qualifierParser = new QualifierParser(cursor);
    }

    StixPattern parsePattern() {
        if (cursor.at(TokenKind.END)) {
            throw new StixPatternException("empty pattern", cursor.peek().start());
        }
        ObservationExpression expression = parseFollowedBy();
        if (!cursor.at(TokenKind.END)) {
            throw cursor.unexpected("unexpected " + cursor.peek().describe() + " after observation expression");
        }
        return new StixPattern(text, expression, Collections.unmodifiableList(comparisons));
    }

    private ObservationExpression parseFollowedBy() {
        return chain(Operator.FOLLOWEDBY, this::parseOr);
    }

    private ObservationExpression parseOr() {
        return chain(Operator.OR, this::parseAnd);
    }

    private ObservationExpression parseAnd() {
        return chain(Operator.AND, this::parseQualified);
    }

    /** {@code operand (OPERATOR operand)*}, as one combination so that long chains do not deepen the tree. */
    private ObservationExpression chain(Operator operator, Supplier<ObservationExpression> operand) {
        ObservationExpression first = operand.get();
        if (!cursor.atKeyword(operator.name())) {
            return first;
        }
        List<ObservationExpression> operands = new ArrayList<>();
        operands.add(first);
        while (cursor.atKeyword(operator.name())) {
            cursor.advance();
            operands.add(operand.get());
        }
        return new Combination(operator, operands, List.of());
    }

    private ObservationExpression parseQualified() {
        ObservationExpression primary = parsePrimary();
        if (!qualifierParser.atQualifier()) {
            return primary;
        }
        List<PatternQualifier> qualifiers = new ArrayList<>(primary.qualifiers());
        while (qualifierParser.atQualifier()) {
            Token keyword = cursor.peek();
            PatternQualifier qualifier = qualifierParser.parse();
            for (PatternQualifier existing : qualifiers) {
                if (existing.getClass() == qualifier.getClass()) {
                    throw new StixPatternException("duplicate " + keyword.text()
                            + " qualifier on one observation expression", keyword.start());
                }
            }
            qualifiers.add(qualifier);
        }
        return withQualifiers(primary, qualifiers);
    }

    private ObservationExpression parsePrimary() {
        if (cursor.at(TokenKind.LEFT_BRACKET)) {
            cursor.advance();
            return new Observation(comparisonParser.parseBracketed(), List.of());
        }
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            cursor.enterGroup();
            cursor.advance();
            ObservationExpression inner = parseFollowedBy();
            cursor.expect(TokenKind.RIGHT_PAREN, "after observation expression");
            cursor.exitGroup();
            return inner;
        }
        String hint = cursor.at(TokenKind.IDENTIFIER) && !Keywords.isKeyword(cursor.peek().text())
                ? " (comparisons must be enclosed in [ ])" : "";
        throw cursor.unexpected("expected '[' or '(' to start an observation expression" + hint);
    }

    private static ObservationExpression withQualifiers(ObservationExpression target,
            List<PatternQualifier> qualifiers) {
        if (target instanceof Observation observation) {
            return new Observation(observation.comparison(), qualifiers);
        }
        Combination combination = (Combination) target;
        return new Combination(combination.operator(), combination.operands(), qualifiers);
    }
}
