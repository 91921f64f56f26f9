package org.certhub.stix.pattern;

/**
 * One token of a pattern.
 *
 * @param kind what the token is
 * @param start 0-based offset of its first character in the pattern
 * @param text identifiers and numbers as written, strings unescaped, the content between the quotes for
 *     {@code b'..'}, {@code h'..'} and {@code t'..'}, the symbol for operators and punctuation
 */
record Token(TokenKind kind, int start, String text) {

    boolean is(TokenKind other) {
        return kind == other;
    }

    boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equals(keyword);
    }

    /** @return the token as error messages name it: words and numbers quoted, other tokens by kind */
    String describe() {
        return switch (kind) {
            case IDENTIFIER, INTEGER, FLOAT -> Snippets.quoted(text);
            default -> kind.description();
        };
    }
}
