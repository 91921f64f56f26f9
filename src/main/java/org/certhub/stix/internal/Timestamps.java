package org.certhub.stix.internal;

/**
 * STIX timestamps: RFC 3339 in UTC, {@code YYYY-MM-DDTHH:MM:SS[.s+]Z}. Hand-written rather than java.time,
 * which is slower, throws on bad input (no exceptions for control flow here), and accepts offsets.
 */
final class Timestamps {

    /** Length of {@code YYYY-MM-DDTHH:MM:SS}. */
    private static final int SECONDS_END = 19;

    private Timestamps() {
    }

    /**
     * @return the number of fraction digits (0 when there is no fraction) of a valid timestamp,
     *         or -1 when {@code s} is not a valid STIX timestamp
     */
    static int fractionDigits(String s) {
        int n = s.length();
        if (n < SECONDS_END + 1 || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return -1;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return -1;
        }
        if (n == SECONDS_END + 1) {
            return 0;
        }
        if (s.charAt(SECONDS_END) != '.' || n == SECONDS_END + 2) {
            return -1;
        }
        for (int i = SECONDS_END + 1; i < n - 1; i++) {
            if (!isDigit(s.charAt(i))) {
                return -1;
            }
        }
        return n - SECONDS_END - 2;
    }

    static boolean isValid(String s) {
        return fractionDigits(s) >= 0;
    }

    /**
     * Compares two valid timestamps exactly, whatever their fraction lengths: the fixed-width date-time
     * part compares as text, then fraction digits pairwise with missing digits taken as zero.
     *
     * @return negative, zero or positive as {@code a} is before, equal to or after {@code b}
     */
    static int compare(String a, String b) {
        for (int i = 0; i < SECONDS_END; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        int fa = a.length() - 1 - SECONDS_END;
        int fb = b.length() - 1 - SECONDS_END;
        int longest = Math.max(fa, fb);
        for (int i = 1; i < longest; i++) {
            char ca = i < fa ? a.charAt(SECONDS_END + i) : '0';
            char cb = i < fb ? b.charAt(SECONDS_END + i) : '0';
            if (ca != cb) {
                return ca - cb;
            }
        }
        return 0;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
