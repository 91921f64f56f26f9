package org.certhub.stix.pattern;

import org.certhub.stix.pattern.PatternQualifier.Repeats;
import org.certhub.stix.pattern.PatternQualifier.StartStop;
import org.certhub.stix.pattern.PatternQualifier.Within;
import org.certhub.stix.pattern.PatternValue.TimestampValue;

/** Parses one qualifier: {@code WITHIN n SECONDS}, {@code REPEATS n TIMES} or {@code START t'..' STOP t'..'}. */
final class QualifierParser {

    private final TokenCursor cursor;

    QualifierParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    boolean atQualifier() {
        return cursor.atKeyword(Keywords.WITHIN) || cursor.atKeyword(Keywords.REPEATS)
                || cursor.atKeyword(Keywords.START);
    }

    /** Call only when {@link #atQualifier()} holds. */
    PatternQualifier parse() {
        Token keyword = cursor.advance();
        return switch (keyword.text()) {
            case Keywords.WITHIN -> within();
            case Keywords.REPEATS -> repeats();
            default -> startStop();
        };
    }

    private Within within() {
        Token amount = cursor.peek();
        if (!amount.is(TokenKind.INTEGER) && !amount.is(TokenKind.FLOAT)) {
            throw cursor.unexpected("expected a number of seconds after WITHIN");
        }
        double seconds = amount.is(TokenKind.INTEGER) ? LiteralParser.integer(amount) : LiteralParser.floating(amount);
        if (!(seconds > 0) || amount.text().charAt(0) == '-') {
            throw new StixPatternException("WITHIN takes a positive number of seconds", amount.start());
        }
        cursor.advance();
        cursor.expectKeyword(Keywords.SECONDS, "after the WITHIN duration");
        return new Within(seconds);
    }

    private Repeats repeats() {
        Token count = cursor.peek();
        if (!count.is(TokenKind.INTEGER)) {
            throw cursor.unexpected("expected a positive integer after REPEATS");
        }
        long times = LiteralParser.integer(count);
        if (times <= 0) {
            throw new StixPatternException("REPEATS takes a positive integer", count.start());
        }
        cursor.advance();
        cursor.expectKeyword(Keywords.TIMES, "after the REPEATS count");
        return new Repeats(times);
    }

    private StartStop startStop() {
        TimestampValue start = timestamp("START");
        cursor.expectKeyword(Keywords.STOP, "after the START timestamp");
        Token stopToken = cursor.peek();
        TimestampValue stop = timestamp("STOP");
        if (!stop.instant().isAfter(start.instant())) {
            throw new StixPatternException("STOP must be later than START", stopToken.start());
        }
        return new StartStop(start, stop);
    }

    private TimestampValue timestamp(String keyword) {
        Token token = cursor.peek();
        if (!token.is(TokenKind.TIMESTAMP)) {
            throw cursor.unexpected("expected a timestamp literal t'...' after " + keyword);
        }
        cursor.advance();
        return TimestampLiterals.parse(token);
    }
}
