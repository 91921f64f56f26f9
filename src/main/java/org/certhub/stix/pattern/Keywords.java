package org.certhub.stix.pattern;

import java.util.Locale;
import java.util.Set;

/** The reserved words of the pattern language. They are case-sensitive: only the uppercase spelling is a keyword. */
final class Keywords {

    static final String AND = "AND";
    static final String OR = "OR";
    static final String NOT = "NOT";
    static final String FOLLOWEDBY = "FOLLOWEDBY";
    static final String EXISTS = "EXISTS";
    static final String IN = "IN";
    static final String LIKE = "LIKE";
    static final String MATCHES = "MATCHES";
    static final String ISSUBSET = "ISSUBSET";
    static final String ISSUPERSET = "ISSUPERSET";
    static final String WITHIN = "WITHIN";
    static final String SECONDS = "SECONDS";
    static final String REPEATS = "REPEATS";
    static final String TIMES = "TIMES";
    static final String START = "START";
    static final String STOP = "STOP";
    static final String TRUE = "true";
    static final String FALSE = "false";

    private static final Set<String> ALL = Set.of(AND, OR, NOT, FOLLOWEDBY, EXISTS, IN, LIKE, MATCHES, ISSUBSET,
            ISSUPERSET, WITHIN, SECONDS, REPEATS, TIMES, START, STOP);

    private Keywords() {
    }

    static boolean isKeyword(String word) {
        return ALL.contains(word);
    }

    /**
     * Wrongly cased keywords are the most common mistake in hand-written patterns; naming the fix saves a round trip.
     *
     * @return a hint such as {@code " (keywords are uppercase: AND)"}, or an empty string
     */
    static String caseHint(Token token) {
        if (!token.is(TokenKind.IDENTIFIER) || token.text().length() > 10) {
            return "";
        }
        String lower = token.text().toLowerCase(Locale.ROOT);
        if ((lower.equals(TRUE) || lower.equals(FALSE)) && !lower.equals(token.text())) {
            return " (booleans are lowercase: " + lower + ")";
        }
        String upper = token.text().toUpperCase(Locale.ROOT);
        if (upper.equals(token.text()) || !ALL.contains(upper)) {
            return "";
        }
        return " (keywords are uppercase: " + upper + ")";
    }
}
