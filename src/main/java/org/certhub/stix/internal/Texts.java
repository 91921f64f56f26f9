package org.certhub.stix.internal;

/** Quoting of submitted values inside messages. */
final class Texts {

    /** Keeps messages short even when a hostile document carries megabyte-long strings. */
    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /** @return the value in single quotes, shortened when long */
    static String quote(String value) {
        if (value.length() <= MAX_QUOTED) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_QUOTED) + "...' (" + value.length() + " characters)";
    }
}
