package org.certhub.stix.pattern;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A literal on the right-hand side of a comparison, one record per literal kind of STIX 2.1 patterns.
 * {@link #kind()} allows a plain {@code switch} where pattern matching on records is not available.
 */
public sealed interface PatternValue {

    /** The literal kinds of the pattern language. */
    enum Kind { STRING, INT, FLOAT, BOOLEAN, BINARY, HEX, TIMESTAMP }

    /** @return which literal kind this value is */
    Kind kind();

    /** @param value the string with the escapes {@code \'} and {@code \\} resolved */
    record StringValue(String value) implements PatternValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Kind kind() {
            return Kind.STRING;
        }
    }

    /** @param value an integer literal such as {@code 443} or {@code -1} */
    record IntValue(long value) implements PatternValue {
        @Override
        public Kind kind() {
            return Kind.INT;
        }
    }

    /** @param value a float literal such as {@code 7.0} (the language has no exponent notation) */
    record FloatValue(double value) implements PatternValue {
        @Override
        public Kind kind() {
            return Kind.FLOAT;
        }
    }

    /** @param value {@code true} or {@code false} */
    record BooleanValue(boolean value) implements PatternValue {
        @Override
        public Kind kind() {
            return Kind.BOOLEAN;
        }
    }

    /** @param base64 the content of {@code b'...'} as written, valid padded base64 */
    record BinaryValue(String base64) implements PatternValue {
        public BinaryValue {
            Objects.requireNonNull(base64, "base64");
        }

        /** @return the decoded bytes, a new array on each call */
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }

        @Override
        public Kind kind() {
            return Kind.BINARY;
        }
    }

    /** @param hex the content of {@code h'...'} in lowercase, an even number of hex digits */
    record HexValue(String hex) implements PatternValue {
        public HexValue {
            Objects.requireNonNull(hex, "hex");
        }

        /** @return the decoded bytes, a new array on each call */
        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public Kind kind() {
            return Kind.HEX;
        }
    }

    /**
     * @param text the content of {@code t'...'} as written, e.g. {@code 2014-01-13T07:03:17Z}
     * @param instant the same moment; a leap second ({@code 23:59:60}) maps to the last nanosecond of 23:59:59
     */
    record TimestampValue(String text, Instant instant) implements PatternValue {
        public TimestampValue {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public Kind kind() {
            return Kind.TIMESTAMP;
        }
    }
}
