package org.certhub.stix.internal;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** The basic property checks: JSON kinds, ranges, timestamps, lists, vocabularies, formats. */
final class Checks {

    /** For properties validated elsewhere (by an {@link ObjectRule} or a dedicated class). */
    static final Check ANY = (value, pointer, out) -> { };

    static final Check STRING = (value, pointer, out) -> isString(value, pointer, out);

    static final Check BOOLEAN = (value, pointer, out) -> {
        if (!value.isBoolean()) {
            out.error(pointer, "json-type", "must be a boolean (true or false), not " + kind(value));
        }
    };

    /** Any RFC 3339 UTC timestamp. */
    static final Check TIMESTAMP = timestamp(0, Integer.MAX_VALUE, "");

    /** {@code created} and {@code modified} of SDOs and SROs MUST be precise to the millisecond. */
    static final Check TIMESTAMP_MILLIS = timestamp(3, Integer.MAX_VALUE, "with at least millisecond precision, ");

    /** Timestamps that the specification fixes to whole seconds (e.g. PE {@code time_date_stamp}). */
    static final Check TIMESTAMP_SECONDS = timestamp(0, 0, "precise to the second, without a fraction, ");

    static final Check STRING_LIST = listOf(STRING);

    static final Check INTEGER = integer(Long.MIN_VALUE, Long.MAX_VALUE);

    static final Check NON_NEGATIVE = integer(0, Long.MAX_VALUE);

    static final Check HEX = format("hex-format", Formats::isHex, "an even number of hexadecimal digits");

    static final Check BINARY = format("binary-format", Formats::isBase64, "base64 (RFC 4648, padded)");

    static final Check URL = format("url-format", Formats::isUrl, "a URL (RFC 3986): scheme, colon, no spaces");

    static final Check LANGUAGE = format("language-tag", Formats::isLanguageTag, "an RFC 5646 language tag");

    static final Check DICTIONARY = (value, pointer, out) -> {
        if (isNonEmptyObject(value, pointer, out)) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                Dictionaries.checkKey(entry.getKey(), pointer, out);
            }
        }
    };

    private Checks() {
    }

    /** @return the member's string value, or "" when it is absent or not a string */
    static String text(JsonNode object, String member) {
        JsonNode value = object.path(member);
        return value.isString() ? value.stringValue() : "";
    }

    static boolean isString(JsonNode value, String pointer, Issues out) {
        if (value.isString()) {
            return true;
        }
        out.error(pointer, "json-type", "must be a string, not " + kind(value));
        return false;
    }

    static boolean isNonEmptyObject(JsonNode value, String pointer, Issues out) {
        if (!value.isObject()) {
            out.error(pointer, "json-type", "must be a JSON object, not " + kind(value));
            return false;
        }
        if (value.isEmpty()) {
            out.error(pointer, "empty-dictionary", "must not be empty; omit the property instead");
            return false;
        }
        return true;
    }

    static boolean isNonEmptyArray(JsonNode value, String pointer, Issues out) {
        if (!value.isArray()) {
            out.error(pointer, "json-type", "must be a list (JSON array), not " + kind(value));
            return false;
        }
        if (value.isEmpty()) {
            out.error(pointer, "empty-list", "must not be an empty list; omit the property instead");
            return false;
        }
        return true;
    }

    static Check timestamp(int minDigits, int maxDigits, String precision) {
        return (value, pointer, out) -> {
            if (!isString(value, pointer, out)) {
                return;
            }
            String text = value.stringValue();
            int digits = Timestamps.fractionDigits(text);
            if (digits < 0) {
                out.error(pointer, "timestamp-format", "must be an RFC 3339 UTC timestamp like "
                        + "2016-04-06T20:03:48.000Z, not " + Texts.quote(text));
            } else if (digits < minDigits || digits > maxDigits) {
                out.error(pointer, "timestamp-precision", "must be a timestamp " + precision
                        + "not " + Texts.quote(text));
            }
        };
    }

    /** An integer (a whole JSON number) in {@code [min, max]}. */
    static Check integer(long min, long max) {
        return (value, pointer, out) -> {
            boolean whole = value.isIntegralNumber()
                    || (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
            if (!whole) {
                out.error(pointer, "json-type", "must be an integer, not " + kind(value));
            } else if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
                out.error(pointer, "value-range", "must be an integer from " + min + " to " + max);
            }
        };
    }

    /** A JSON number in {@code [min, max]}. */
    static Check number(double min, double max) {
        return (value, pointer, out) -> {
            if (!value.isNumber()) {
                out.error(pointer, "json-type", "must be a number, not " + kind(value));
            } else if (!(value.doubleValue() >= min && value.doubleValue() <= max)) {
                out.error(pointer, "value-range", "must be a number from " + min + " to " + max);
            }
        };
    }

    /** A non-empty list whose elements each pass {@code element}. */
    static Check listOf(Check element) {
        return (value, pointer, out) -> {
            if (isNonEmptyArray(value, pointer, out)) {
                for (int i = 0; i < value.size() && !out.full(); i++) {
                    element.check(value.get(i), Pointers.index(pointer, i), out);
                }
            }
        };
    }

    /** A string from a vocabulary: outside an open vocabulary is a warning, outside a closed one an error. */
    static Check vocab(Vocab vocab) {
        return (value, pointer, out) -> {
            if (isString(value, pointer, out) && !vocab.contains(value.stringValue())) {
                String message = Texts.quote(value.stringValue()) + " is not in " + vocab.name();
                if (vocab.open()) {
                    out.warn(pointer, "vocabulary", message);
                } else {
                    out.error(pointer, "vocabulary", message + "; allowed: " + String.join(", ",
                            new TreeSet<>(vocab.values())));
                }
            }
        };
    }

    static Check vocabList(Vocab vocab) {
        return listOf(vocab(vocab));
    }

    /** A string that must satisfy {@code valid}; otherwise an error with {@code rule}. */
    static Check format(String rule, Predicate<String> valid, String expected) {
        return (value, pointer, out) -> {
            if (isString(value, pointer, out) && !valid.test(value.stringValue())) {
                out.error(pointer, rule, "must be " + expected + ", not " + Texts.quote(value.stringValue()));
            }
        };
    }

    /** A JSON object with the given shape (an embedded STIX type or an extension). */
    static Check object(Shape shape) {
        return (value, pointer, out) -> {
            if (isNonEmptyObject(value, pointer, out)) {
                ShapeValidator.validateEmbedded(value, pointer, shape, out);
            }
        };
    }

    /** @return the JSON kind of a node, for messages */
    static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "an unsupported JSON value";
    }
}
