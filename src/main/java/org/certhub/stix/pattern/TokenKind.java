package org.certhub.stix.pattern;

/** The lexical tokens of the pattern language; keywords are identifiers that the parsers recognise by text. */
enum TokenKind {
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    COMMA("','"),
    COLON("':'"),
    DOT("'.'"),
    ASTERISK("'*'"),
    EQUAL("'='"),
    NOT_EQUAL("'!='"),
    LESS("'<'"),
    LESS_OR_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_OR_EQUAL("'>='"),
    IDENTIFIER("identifier"),
    INTEGER("integer"),
    FLOAT("float"),
    STRING("string literal"),
    BINARY("binary literal"),
    HEX("hex literal"),
    TIMESTAMP("timestamp literal"),
    END("end of pattern");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** @return how error messages name this token, e.g. {@code ']'} or {@code string literal} */
    String description() {
        return description;
    }
}
