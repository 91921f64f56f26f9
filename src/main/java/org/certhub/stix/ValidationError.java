package org.certhub.stix;

import java.util.Objects;

/**
 * One finding of the STIX validator.
 *
 * <p>Rule ids are stable kebab-case strings that clients may match on, among them:
 * {@code json-type}, {@code required-property}, {@code at-least-one-property}, {@code mutually-exclusive},
 * {@code property-dependency}, {@code timestamp-format}, {@code timestamp-precision},
 * {@code modified-before-created}, {@code timestamp-order}, {@code identifier-format}, {@code ref-target-type},
 * {@code type-format}, {@code reserved-type}, {@code custom-object-type}, {@code spec-version},
 * {@code property-name}, {@code reserved-property}, {@code custom-property}, {@code null-value},
 * {@code empty-list}, {@code empty-dictionary}, {@code value-range}, {@code vocabulary}, {@code hash-format},
 * {@code hash-key}, {@code dictionary-key}, {@code marking-selector}, {@code granular-marking},
 * {@code marking-definition}, {@code marking-circular}, {@code extension}, {@code external-id-format},
 * {@code hex-format}, {@code binary-format}, {@code mac-format}, {@code ip-format}, {@code url-format},
 * {@code email-format}, {@code domain-format}, {@code language-tag}, {@code relationship-type-format},
 * {@code registry-key-format}, {@code sequence-ref}, {@code pattern-syntax}, {@code deprecated},
 * {@code duplicate-object}, {@code bundle-type}, {@code too-many-errors}, {@code too-many-warnings},
 * {@code internal-error} (a validator defect; the document is rejected rather than the caller failing).
 *
 * @param pointer RFC 6901 JSON Pointer into the submitted document, e.g. {@code /objects/3/created};
 *                the empty string points at the whole document
 * @param rule    stable kebab-case id of the rule that was broken
 * @param message human-readable explanation
 */
public record ValidationError(String pointer, String rule, String message) {

    public ValidationError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
