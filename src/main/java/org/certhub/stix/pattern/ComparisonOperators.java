package org.certhub.stix.pattern;

import java.util.Optional;
import org.certhub.stix.pattern.PatternValue.Kind;

/** The comparison operators and which literal kinds each takes on its right-hand side. */
final class ComparisonOperators {

    private ComparisonOperators() {
    }

    /** @return the operator spelled by the token, as one of the constant strings of {@link PatternComparison} */
    static Optional<String> of(Token token) {
        return switch (token.kind()) {
            case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> Optional.of(token.text());
            case IDENTIFIER -> keywordOperator(token.text());
            default -> Optional.empty();
        };
    }

    private static Optional<String> keywordOperator(String word) {
        return switch (word) {
            case Keywords.IN -> Optional.of(Keywords.IN);
            case Keywords.LIKE -> Optional.of(Keywords.LIKE);
            case Keywords.MATCHES -> Optional.of(Keywords.MATCHES);
            case Keywords.ISSUBSET -> Optional.of(Keywords.ISSUBSET);
            case Keywords.ISSUPERSET -> Optional.of(Keywords.ISSUPERSET);
            default -> Optional.empty();
        };
    }

    /**
     * Equality and IN take any literal; ordering takes what has an order (the spec's orderable literals:
     * numbers, strings, binary, hex, timestamps); the text and network operators take strings only.
     */
    static boolean accepts(String operator, Kind kind) {
        return switch (operator) {
            case "=", "!=", Keywords.IN -> true;
            case "<", "<=", ">", ">=" -> kind != Kind.BOOLEAN;
            default -> kind == Kind.STRING;
        };
    }

    static String expectedOperand(String operator) {
        return switch (operator) {
            case "=", "!=", Keywords.IN -> "a literal";
            case "<", "<=", ">", ">=" -> "a number, string, timestamp, binary or hex literal";
            default -> "a string literal";
        };
    }

    /** Integers and floats may share one IN list: they are both numbers. */
    static boolean sameFamily(Kind first, Kind second) {
        return first == second || (isNumber(first) && isNumber(second));
    }

    private static boolean isNumber(Kind kind) {
        return kind == Kind.INT || kind == Kind.FLOAT;
    }

    /** @return symbols quoted, keywords bare, as error messages show them */
    static String display(String operator) {
        return Character.isLetter(operator.charAt(0)) ? operator : "'" + operator + "'";
    }
}
