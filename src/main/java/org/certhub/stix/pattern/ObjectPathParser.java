package org.certhub.stix.pattern;

/**
 * Parses {@code type:path}: an object type by the STIX naming rules, then property names (bare, or quoted
 * when they hold characters such as '-'), '.'-separated, with list indexes {@code [n]} or {@code [*]}.
 */
final class ObjectPathParser {

    /** @param path normalised: quotes removed, indexes kept, e.g. {@code hashes.SHA-256} */
    record ObjectPath(String objectType, String path) {
    }

    private static final int MIN_TYPE_LENGTH = 3;
    private static final int MAX_TYPE_LENGTH = 250;

    private final TokenCursor cursor;

    ObjectPathParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    ObjectPath parse() {
        Token type = cursor.peek();
        if (!type.is(TokenKind.IDENTIFIER) || Keywords.isKeyword(type.text())) {
            throw cursor.unexpected("expected object type");
        }
        checkObjectType(type);
        cursor.advance();
        cursor.expect(TokenKind.COLON, "and an object path after object type " + Snippets.quoted(type.text()));
        String first = propertyName("after ':'");
        if (!cursor.at(TokenKind.DOT) && !cursor.at(TokenKind.LEFT_BRACKET)) {
            return new ObjectPath(type.text(), first);
        }
        StringBuilder path = new StringBuilder(first);
        while (true) {
            if (cursor.at(TokenKind.DOT)) {
                cursor.advance();
                path.append('.').append(propertyName("after '.'"));
            } else if (cursor.at(TokenKind.LEFT_BRACKET)) {
                cursor.advance();
                path.append('[').append(listIndex()).append(']');
                cursor.expect(TokenKind.RIGHT_BRACKET, "after list index");
            } else {
                return new ObjectPath(type.text(), path.toString());
            }
        }
    }

    private static void checkObjectType(Token type) {
        String name = type.text();
        boolean valid = name.length() >= MIN_TYPE_LENGTH && name.length() <= MAX_TYPE_LENGTH;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }
        if (!valid) {
            throw new StixPatternException("invalid object type " + Snippets.quoted(name)
                    + ": expected 3 to 250 lowercase ASCII letters, digits or hyphens", type.start());
        }
    }

    private String propertyName(String context) {
        Token name = cursor.peek();
        if (name.is(TokenKind.STRING)) {
            if (name.text().isEmpty()) {
                throw new StixPatternException("empty property name", name.start());
            }
            return cursor.advance().text();
        }
        if (!name.is(TokenKind.IDENTIFIER)) {
            throw cursor.unexpected("expected property name " + context);
        }
        if (name.text().indexOf('-') >= 0) {
            throw new StixPatternException("property name " + Snippets.quoted(name.text())
                    + " contains '-' and must be quoted", name.start());
        }
        return cursor.advance().text();
    }

    private String listIndex() {
        Token index = cursor.peek();
        if (index.is(TokenKind.ASTERISK)) {
            cursor.advance();
            return "*";
        }
        if (!index.is(TokenKind.INTEGER) || index.text().charAt(0) == '-') {
            throw cursor.unexpected("expected a non-negative list index or '*'");
        }
        cursor.advance();
        return Long.toString(LiteralParser.integer(index));
    }
}
