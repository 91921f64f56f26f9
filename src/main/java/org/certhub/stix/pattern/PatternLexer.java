package org.certhub.stix.pattern;

/**
 * Splits a pattern into tokens on demand. Every character is looked at a bounded number of times, so
 * lexing is linear in the pattern length whatever the input; no regular expressions are involved.
 */
final class PatternLexer {

    private final String text;
    private int position;

    PatternLexer(String text) {
        this.text = text;
    }

    /** @return the next token, {@link TokenKind#END} once the text is consumed */
    Token next() {
        skipWhitespace();
        int start = position;
        if (start >= text.length()) {
            return new Token(TokenKind.END, start, "");
        }
        char c = text.charAt(start);
        return switch (c) {
            case '[' -> symbol(TokenKind.LEFT_BRACKET, "[");
            case ']' -> symbol(TokenKind.RIGHT_BRACKET, "]");
            case '(' -> symbol(TokenKind.LEFT_PAREN, "(");
            case ')' -> symbol(TokenKind.RIGHT_PAREN, ")");
            case ',' -> symbol(TokenKind.COMMA, ",");
            case ':' -> symbol(TokenKind.COLON, ":");
            case '*' -> symbol(TokenKind.ASTERISK, "*");
            case '=' -> symbol(TokenKind.EQUAL, "=");
            case '!' -> notEqual();
            case '<' -> followedByEqual('=') ? symbol(TokenKind.LESS_OR_EQUAL, "<=") : symbol(TokenKind.LESS, "<");
            case '>' -> followedByEqual('=') ? symbol(TokenKind.GREATER_OR_EQUAL, ">=")
                    : symbol(TokenKind.GREATER, ">");
            case '\'' -> string(start);
            case '.' -> isDigitAt(start + 1) ? number(start) : symbol(TokenKind.DOT, ".");
            case '+', '-' -> number(start);
            default -> word(start, c);
        };
    }

    private void skipWhitespace() {
        while (position < text.length() && isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    /** The spec's whitespace includes the Unicode space separators, not only ASCII blanks. */
    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private Token symbol(TokenKind kind, String symbol) {
        Token token = new Token(kind, position, symbol);
        position += symbol.length();
        return token;
    }

    private boolean followedByEqual(char expected) {
        return position + 1 < text.length() && text.charAt(position + 1) == expected;
    }

    private Token notEqual() {
        if (!followedByEqual('=')) {
            throw new StixPatternException("unexpected character '!' (the operator is '!=')", position);
        }
        return symbol(TokenKind.NOT_EQUAL, "!=");
    }

    private Token string(int start) {
        position++;
        StringBuilder unescaped = null;
        int segmentStart = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\'') {
                String value = unescaped == null ? text.substring(segmentStart, position)
                        : unescaped.append(text, segmentStart, position).toString();
                position++;
                return new Token(TokenKind.STRING, start, value);
            }
            if (c == '\\' && position + 1 < text.length()) {
                char escaped = text.charAt(position + 1);
                if (escaped != '\'' && escaped != '\\') {
                    throw new StixPatternException("illegal escape " + Snippets.quoted("\\" + escaped)
                            + " in string literal (only \\' and \\\\ are allowed)", position);
                }
                unescaped = unescaped == null ? new StringBuilder() : unescaped;
                unescaped.append(text, segmentStart, position).append(escaped);
                position += 2;
                segmentStart = position;
            } else {
                position++;
            }
        }
        throw new StixPatternException("unterminated string literal starting", start);
    }

    /** Integers: optional sign, no leading zeros. Floats: optional sign, digits, '.', at least one digit. */
    private Token number(int start) {
        if (text.charAt(position) == '+' || text.charAt(position) == '-') {
            position++;
        }
        int integerStart = position;
        skipDigits();
        boolean integerDigits = position > integerStart;
        TokenKind kind = TokenKind.INTEGER;
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            if (!isDigitAt(position)) {
                throw new StixPatternException("expected a digit after the decimal point", position);
            }
            skipDigits();
            kind = TokenKind.FLOAT;
        } else if (!integerDigits) {
            throw new StixPatternException("expected a number after " + Snippets.quoted(text.charAt(start)), start);
        } else if (text.charAt(integerStart) == '0' && position - integerStart > 1) {
            throw new StixPatternException("integer with a leading zero", start);
        }
        return new Token(kind, start, text.substring(start, position));
    }

    private void skipDigits() {
        while (isDigitAt(position)) {
            position++;
        }
    }

    private boolean isDigitAt(int index) {
        return index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
    }

    /** Identifiers (keywords, object types, property names) and the prefixed literals b'..', h'..', t'..'. */
    private Token word(int start, char first) {
        if (first >= '0' && first <= '9') {
            return number(start);
        }
        if (!isWordStart(first)) {
            throw new StixPatternException("unexpected character " + Snippets.quoted(first), start);
        }
        position++;
        if (position < text.length() && text.charAt(position) == '\'') {
            switch (first) {
                case 'b': return prefixedLiteral(start, TokenKind.BINARY);
                case 'h': return prefixedLiteral(start, TokenKind.HEX);
                case 't': return prefixedLiteral(start, TokenKind.TIMESTAMP);
                default: break;
            }
        }
        while (position < text.length() && (isWordPart(text.charAt(position)) || text.charAt(position) == '-')) {
            position++;
        }
        return new Token(TokenKind.IDENTIFIER, start, text.substring(start, position));
    }

    /** The content is checked by {@link LiteralParser}; here only its extent matters, and it holds no quotes. */
    private Token prefixedLiteral(int start, TokenKind kind) {
        int contentStart = position + 1;
        int end = text.indexOf('\'', contentStart);
        if (end < 0) {
            throw new StixPatternException("unterminated " + kind.description() + " starting", start);
        }
        position = end + 1;
        return new Token(kind, start, text.substring(contentStart, end));
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || (c >= '0' && c <= '9');
    }
}
