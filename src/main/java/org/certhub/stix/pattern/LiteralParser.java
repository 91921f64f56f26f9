package org.certhub.stix.pattern;

import java.util.Locale;
import org.certhub.stix.pattern.PatternValue.BinaryValue;
import org.certhub.stix.pattern.PatternValue.BooleanValue;
import org.certhub.stix.pattern.PatternValue.FloatValue;
import org.certhub.stix.pattern.PatternValue.HexValue;
import org.certhub.stix.pattern.PatternValue.IntValue;
import org.certhub.stix.pattern.PatternValue.StringValue;

/** Turns literal tokens into values, checking what the lexer only delimited (numbers, base64, hex, timestamps). */
final class LiteralParser {

    private static final BooleanValue TRUE = new BooleanValue(true);
    private static final BooleanValue FALSE = new BooleanValue(false);

    private LiteralParser() {
    }

    static boolean isLiteral(Token token) {
        return switch (token.kind()) {
            case STRING, INTEGER, FLOAT, BINARY, HEX, TIMESTAMP -> true;
            case IDENTIFIER -> token.text().equals(Keywords.TRUE) || token.text().equals(Keywords.FALSE);
            default -> false;
        };
    }

    /** @param token a token for which {@link #isLiteral(Token)} holds */
    static PatternValue value(Token token) {
        return switch (token.kind()) {
            case STRING -> new StringValue(token.text());
            case INTEGER -> new IntValue(integer(token));
            case FLOAT -> new FloatValue(floating(token));
            case BINARY -> binary(token);
            case HEX -> hex(token);
            case TIMESTAMP -> TimestampLiterals.parse(token);
            case IDENTIFIER -> token.text().equals(Keywords.TRUE) ? TRUE : FALSE;
            default -> throw new IllegalArgumentException("not a literal: " + token.kind());
        };
    }

    /**
     * Parsed by hand so that an out-of-range value is reported, not thrown as NumberFormatException.
     * Accumulates negatively because Long.MIN_VALUE has no positive counterpart.
     */
    static long integer(Token token) {
        String text = token.text();
        boolean negative = text.charAt(0) == '-';
        int first = negative || text.charAt(0) == '+' ? 1 : 0;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long accumulated = 0;
        for (int i = first; i < text.length(); i++) {
            int digit = text.charAt(i) - '0';
            if (accumulated < (limit + digit) / 10) {
                throw new StixPatternException("integer out of range", token.start());
            }
            accumulated = accumulated * 10 - digit;
        }
        return negative ? accumulated : -accumulated;
    }

    static double floating(Token token) {
        double value = Double.parseDouble(token.text());
        if (Double.isInfinite(value)) {
            throw new StixPatternException("float out of range", token.start());
        }
        return value;
    }

    /** Base64 in groups of four characters; padding ('=' or '==') only at the very end. */
    private static BinaryValue binary(Token token) {
        String base64 = token.text();
        int length = base64.length();
        if (length % 4 != 0) {
            throw new StixPatternException("invalid binary literal: base64 length must be a multiple of 4",
                    token.start());
        }
        int padding = 0;
        if (length > 0 && base64.charAt(length - 1) == '=') {
            padding = base64.charAt(length - 2) == '=' ? 2 : 1;
        }
        for (int i = 0; i < length - padding; i++) {
            if (!isBase64(base64.charAt(i))) {
                throw new StixPatternException("invalid base64 character " + Snippets.quoted(base64.charAt(i))
                        + " in binary literal", contentOffset(token, i));
            }
        }
        return new BinaryValue(base64);
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static HexValue hex(Token token) {
        String hex = token.text();
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                throw new StixPatternException("invalid hex digit " + Snippets.quoted(hex.charAt(i))
                        + " in hex literal", contentOffset(token, i));
            }
        }
        if (hex.length() % 2 != 0) {
            throw new StixPatternException("invalid hex literal: odd number of hex digits", token.start());
        }
        return new HexValue(hex.toLowerCase(Locale.ROOT));
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Offset in the pattern of a character inside {@code x'...'}: past the prefix letter and the quote. */
    private static int contentOffset(Token token, int index) {
        return token.start() + 2 + index;
    }
}
