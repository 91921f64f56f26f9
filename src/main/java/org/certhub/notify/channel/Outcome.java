package org.certhub.notify.channel;

/**
 * How one delivery attempt ended.
 *
 * @param kind delivered, failed for now (worth retrying) or failed for good
 * @param detail a short reason for people (HTTP status, SMTP error); never message content
 */
public record Outcome(Kind kind, String detail) {

    /** Transient failures are retried with back-off; permanent ones dead-letter at once. */
    public enum Kind {
        DELIVERED, TRANSIENT, PERMANENT
    }

    public static Outcome delivered(String detail) {
        return new Outcome(Kind.DELIVERED, detail);
    }

    public static Outcome failedForNow(String detail) {
        return new Outcome(Kind.TRANSIENT, detail);
    }

    public static Outcome failedForGood(String detail) {
        return new Outcome(Kind.PERMANENT, detail);
    }
}
