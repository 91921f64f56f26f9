package org.certhub.stix.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certhub.stix.pattern.ComparisonExpression.Combination;
import org.certhub.stix.pattern.ComparisonExpression.Connective;
import org.certhub.stix.pattern.ObjectPathParser.ObjectPath;

/**
 * Parses what is between an observation's brackets: comparisons joined by AND (binding tighter) and OR,
 * grouped by parentheses. Each comparison is also appended to a flat list, in source order.
 */
final class ComparisonParser {

    private final TokenCursor cursor;
    private final ObjectPathParser paths;
    private final List<PatternComparison> collected;

    /** @param collected receives every comparison as it is parsed */
    ComparisonParser(TokenCursor cursor, List<PatternComparison> collected) {
        this.cursor = cursor;
        this.paths = new ObjectPathParser(cursor);
        this.collected = collected;
    }

    /** Parses after '[' up to and including the matching ']'. */
    ComparisonExpression parseBracketed() {
        ComparisonExpression expression = parseOr();
        cursor.expect(TokenKind.RIGHT_BRACKET, "after comparison expression");
        return expression;
    }

    private ComparisonExpression parseOr() {
        ComparisonExpression first = parseAnd();
        if (!cursor.atKeyword(Keywords.OR)) {
            return first;
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        operands.add(first);
        while (cursor.atKeyword(Keywords.OR)) {
            cursor.advance();
            operands.add(parseAnd());
        }
        return new Combination(Connective.OR, operands);
    }

    private ComparisonExpression parseAnd() {
        ComparisonExpression first = parseTerm();
        if (!cursor.atKeyword(Keywords.AND)) {
            return first;
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        operands.add(first);
        while (cursor.atKeyword(Keywords.AND)) {
            cursor.advance();
            operands.add(parseTerm());
        }
        return new Combination(Connective.AND, operands);
    }

    private ComparisonExpression parseTerm() {
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            cursor.enterGroup();
            cursor.advance();
            ComparisonExpression inner = parseOr();
            cursor.expect(TokenKind.RIGHT_PAREN, "after comparison expression");
            cursor.exitGroup();
            return inner;
        }
        if (cursor.atKeyword(Keywords.EXISTS)) {
            cursor.advance();
            ObjectPath path = paths.parse();
            return collect(new PatternComparison(path.objectType(), path.path(), Keywords.EXISTS, false, List.of()));
        }
        if (cursor.atKeyword(Keywords.NOT)) {
            throw cursor.unexpected("NOT goes between the object path and the operator, as in type:path NOT = 'x',"
                    + " and cannot negate EXISTS");
        }
        if (!cursor.at(TokenKind.IDENTIFIER)) {
            throw cursor.unexpected("expected comparison expression");
        }
        return parseComparison(paths.parse());
    }

    private PatternComparison parseComparison(ObjectPath path) {
        boolean negated = cursor.atKeyword(Keywords.NOT);
        if (negated) {
            cursor.advance();
        }
        Optional<String> found = ComparisonOperators.of(cursor.peek());
        if (found.isEmpty()) {
            throw unknownOperator(cursor.peek());
        }
        String operator = found.get();
        cursor.advance();
        List<PatternValue> values = operator.equals(Keywords.IN) ? parseSet() : List.of(parseOperand(operator));
        return collect(new PatternComparison(path.objectType(), path.path(), operator, negated, values));
    }

    private StixPatternException unknownOperator(Token token) {
        if (token.is(TokenKind.IDENTIFIER)) {
            return cursor.unexpected("unknown operator " + Snippets.quoted(token.text()));
        }
        return cursor.unexpected("expected comparison operator after object path");
    }

    private PatternValue parseOperand(String operator) {
        Token token = cursor.peek();
        if (!LiteralParser.isLiteral(token)) {
            throw cursor.unexpected("expected " + ComparisonOperators.expectedOperand(operator) + " after "
                    + ComparisonOperators.display(operator));
        }
        PatternValue value = LiteralParser.value(token);
        if (!ComparisonOperators.accepts(operator, value.kind())) {
            throw new StixPatternException(ComparisonOperators.display(operator) + " takes "
                    + ComparisonOperators.expectedOperand(operator) + ", not " + describe(value.kind()),
                    token.start());
        }
        cursor.advance();
        return value;
    }

    /** {@code ( literal, ... )}: at least one member, all of one kind (integers and floats count as numbers). */
    private List<PatternValue> parseSet() {
        cursor.expect(TokenKind.LEFT_PAREN, "and a list of values after IN");
        if (cursor.at(TokenKind.RIGHT_PAREN)) {
            throw cursor.unexpected("IN requires at least one value");
        }
        List<PatternValue> members = new ArrayList<>();
        do {
            if (!members.isEmpty()) {
                cursor.advance();
            }
            Token token = cursor.peek();
            PatternValue member = parseOperand(Keywords.IN);
            if (!members.isEmpty() && !ComparisonOperators.sameFamily(members.get(0).kind(), member.kind())) {
                throw new StixPatternException("IN values must all be of one kind: found " + describe(member.kind())
                        + " after " + describe(members.get(0).kind()), token.start());
            }
            members.add(member);
        } while (cursor.at(TokenKind.COMMA));
        cursor.expect(TokenKind.RIGHT_PAREN, "after IN values");
        return List.copyOf(members);
    }

    private PatternComparison collect(PatternComparison comparison) {
        collected.add(comparison);
        return comparison;
    }

    private static String describe(PatternValue.Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a float";
            case BOOLEAN -> "a boolean";
            case BINARY -> "a binary literal";
            case HEX -> "a hex literal";
            case TIMESTAMP -> "a timestamp";
        };
    }
}
