package org.certhub.stix.pattern;

/** One token of lookahead over the lexer, plus the nesting guard shared by both expression levels. */
final class TokenCursor {

    /** Deep enough for any real pattern, shallow enough that hostile input cannot exhaust the stack. */
    static final int MAX_NESTING = 64;

    private final PatternLexer lexer;
    private Token current;
    private int nesting;

    TokenCursor(String text) {
        this.lexer = new PatternLexer(text);
        this.current = lexer.next();
    }

    Token peek() {
        return current;
    }

    /** @return the current token, after moving past it */
    Token advance() {
        Token consumed = current;
        current = lexer.next();
        return consumed;
    }

    boolean at(TokenKind kind) {
        return current.is(kind);
    }

    boolean atKeyword(String keyword) {
        return current.isKeyword(keyword);
    }

    /** @return the consumed token, which is of the given kind */
    Token expect(TokenKind kind, String context) {
        if (!current.is(kind)) {
            throw unexpected("expected " + kind.description() + " " + context);
        }
        return advance();
    }

    void expectKeyword(String keyword, String context) {
        if (!current.isKeyword(keyword)) {
            throw unexpected("expected " + keyword + " " + context);
        }
        advance();
    }

    /** Called on each '(' before descending, so that recursion depth stays bounded. */
    void enterGroup() {
        nesting++;
        if (nesting > MAX_NESTING) {
            throw new StixPatternException("nesting deeper than " + MAX_NESTING + " parentheses", current.start());
        }
    }

    void exitGroup() {
        nesting--;
    }

    /** @return an exception at the current token, with a hint when it is a lowercase keyword */
    StixPatternException unexpected(String problem) {
        return new StixPatternException(problem + Keywords.caseHint(current), current.start());
    }
}
