package org.certhub.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * The one parser of request parameter values: every controller (API, TAXII, console) reads
 * instants and numbers through it, so each value is range-checked the same way and a bad one is a
 * 400 problem naming the parameter, never an error deeper down (an instant Elasticsearch cannot
 * store, an integer that overflows). Query strings are already valid UTF-8 when a controller sees
 * them ({@link QueryStringFilter}).
 */
public final class RequestParameters {

    /** The earliest instant a parameter may name: nothing the hub holds is older. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest instant a parameter may name: the last one a four-digit RFC 3339 year can write. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final String TIMESTAMP = "an RFC 3339 timestamp in UTC between 1970 and 9999, e.g. 2026-11-01T00:00:00Z";

    private RequestParameters() {
    }

    /** An optional instant parameter: absent stays empty, anything not an RFC 3339 instant from 1970 to 9999 is refused. */
    public static Optional<Instant> instant(String name, String value) {
        return value == null ? Optional.empty() : Optional.of(requiredInstant(name, value));
    }

    /** The instant a present parameter names, or {@link Invalid} naming it. */
    public static Instant requiredInstant(String name, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "timestamp", "must be " + TIMESTAMP);
        }
        // Instant.parse takes years up to +999999999: such an instant parses, but neither
        // Elasticsearch nor an RFC 3339 answer can hold it.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new Invalid(name, "timestamp-range", "must be " + TIMESTAMP);
        }
        return instant;
    }

    /** An integer parameter within {@code min..max}; absent gives {@code otherwise}. */
    public static int integer(String name, String value, int min, int max, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        String text = value.strip();
        long parsed;
        try {
            parsed = text.length() > 19 ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Invalid(name, "integer", "must be an integer between " + min + " and " + max);
        }
        return checked(name, parsed, min, max);
    }

    /** An integer already converted (by Spring, say) checked against its range. */
    public static int checked(String name, long value, int min, int max) {
        if (value < min || value > max) {
            throw new Invalid(name, "range", "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /** A decimal number parameter that must be finite (not NaN nor infinite) and within {@code min..max}. */
    public static Optional<Double> finite(String name, Double value, double min, double max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNaN() || value < min || value > max) {
            throw new Invalid(name, "range", "must be a number between " + min + " and " + max);
        }
        return Optional.of(value);
    }

    /** A string parameter of at most {@code maxLength} characters. */
    public static Optional<String> text(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new Invalid(name, "max-length", "must be at most " + maxLength + " characters");
        }
        return Optional.ofNullable(value);
    }

    /**
     * A parameter value the hub refuses: a 400 {@code invalid-parameter} problem with one error
     * {@code {pointer: <name>, rule, message}} (the TAXII error resource under {@code /taxii2/}).
     */
    public static final class Invalid extends ProblemException {

        private final transient ProblemError error;

        public Invalid(String name, String rule, String message) {
            super(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "The parameter '" + name + "' " + message + "."), List.of(new ProblemError(name, rule, message))));
            this.error = new ProblemError(name, rule, message);
        }

        /** The one error, for callers that collect every bad parameter before answering. */
        public ProblemError error() {
            return error;
        }
    }
}
