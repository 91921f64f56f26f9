package org.certhub.stix;

import org.certhub.stix.internal.BundleValidator;
import org.certhub.stix.internal.Issues;
import org.certhub.stix.internal.ObjectValidator;
import tools.jackson.databind.JsonNode;

/**
 * Validates STIX 2.1 content against the MUST rules of the STIX 2.1 specification (OASIS, 2021): common and
 * per-type properties, identifiers and reference targets, timestamps, vocabularies, hashes, markings,
 * extensions (including the TLP 2.0 and Incident Core extensions), and {@code stix} indicator patterns.
 * SHOULD-level findings are reported as warnings.
 *
 * <p>Never throws on any input: every problem, including wrong JSON kinds, becomes a {@link ValidationError}.
 * Instances are immutable and thread-safe.
 */
public final class StixValidator {

    /** Default cap on collected errors. */
    public static final int DEFAULT_MAX_ERRORS = 100;

    private final int maxErrors;

    /** A validator that keeps at most {@value #DEFAULT_MAX_ERRORS} errors. */
    public StixValidator() {
        this(DEFAULT_MAX_ERRORS);
    }

    /**
     * @param maxErrors errors kept before validation stops; a report that hit the cap ends with an error of
     *                  rule {@code too-many-errors}. Must be at least 1.
     */
    public StixValidator(int maxErrors) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1, was " + maxErrors);
        }
        this.maxErrors = maxErrors;
    }

    /**
     * Validates a document that must be a STIX 2.1 bundle:
     * {@code {"type":"bundle","id":"bundle--<uuid>","objects":[...]}}.
     *
     * @param document the parsed document; null, a non-object or a non-bundle top level is reported as an error
     * @return the errors and warnings, pointers relative to the document root
     */
    public ValidationReport validateBundle(JsonNode document) {
        Issues out = new Issues(maxErrors);
        try {
            BundleValidator.validate(document, out);
        } catch (RuntimeException e) {
            internalFailure(out, e);
        }
        return out.report();
    }

    /**
     * Validates a single STIX object (SDO, SRO, SCO, marking definition, language content, extension
     * definition or custom object).
     *
     * @param object  the object; null or a non-object is reported as an error
     * @param pointer JSON Pointer of the object in the submitted document (e.g. {@code /objects/3}), prefixed
     *                to every reported pointer; null or "" for a document root
     * @return the errors and warnings
     */
    public ValidationReport validateObject(JsonNode object, String pointer) {
        Issues out = new Issues(maxErrors);
        String base = pointer == null ? "" : pointer;
        try {
            if (object == null) {
                out.error(base, "json-type", "a STIX object must be a JSON object, not nothing");
            } else {
                ObjectValidator.validate(object, base, out);
            }
        } catch (RuntimeException e) {
            internalFailure(out, e);
        }
        return out.report();
    }

    /** Last line of defence: a validator bug must reject the document, not break the caller. */
    private static void internalFailure(Issues out, RuntimeException e) {
        out.error("", "internal-error", "the validator failed on this document (" + e.getClass().getSimpleName()
                + "); it was rejected");
    }
}
