package org.certhub.stix.pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import org.certhub.stix.pattern.PatternValue.TimestampValue;

/**
 * Checks the content of {@code t'...'}: an RFC 3339 date-time in UTC with the STIX rules, i.e.
 * {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, an uppercase {@code T} and {@code Z}, any number of fraction
 * digits, and real calendar dates. Checked by hand rather than with java.time parsing so that invalid
 * input costs no exception until the single one that reports it.
 */
final class TimestampLiterals {

    private static final int FRACTION_START = 20;
    private static final int NANO_DIGITS = 9;

    private TimestampLiterals() {
    }

    static TimestampValue parse(Token token) {
        String text = token.text();
        if (!hasShape(text)) {
            throw invalid(token, " (expected YYYY-MM-DDTHH:MM:SS[.fraction]Z)");
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        boolean leapSecond = second == 60 && hour == 23 && minute == 59;
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59
                || (second > 59 && !leapSecond)) {
            throw invalid(token, "");
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
                + Math.min(second, 59);
        int nanos = leapSecond ? 999_999_999 : fractionNanos(text);
        return new TimestampValue(text, Instant.ofEpochSecond(epochSecond, nanos));
    }

    private static boolean hasShape(String text) {
        int length = text.length();
        if (length < FRACTION_START || text.charAt(length - 1) != 'Z') {
            return false;
        }
        boolean dateTime = digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 2) && text.charAt(7) == '-'
                && digits(text, 8, 2) && text.charAt(10) == 'T' && digits(text, 11, 2) && text.charAt(13) == ':'
                && digits(text, 14, 2) && text.charAt(16) == ':' && digits(text, 17, 2);
        if (!dateTime || length == FRACTION_START) {
            return dateTime;
        }
        return text.charAt(19) == '.' && length > FRACTION_START + 1
                && digits(text, FRACTION_START, length - 1 - FRACTION_START);
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Digits beyond nanoseconds are legal but cannot be represented by an Instant, so they are dropped. */
    private static int fractionNanos(String text) {
        int nanos = 0;
        int end = text.length() - 1;
        for (int i = 0; i < NANO_DIGITS; i++) {
            int index = FRACTION_START + i;
            nanos = nanos * 10 + (index < end ? text.charAt(index) - '0' : 0);
        }
        return nanos;
    }

    private static StixPatternException invalid(Token token, String hint) {
        return new StixPatternException("invalid timestamp " + Snippets.quoted(token.text()) + hint, token.start());
    }
}
