package org.certhub.stix;

import java.util.List;

/**
 * The outcome of validating a STIX document or object.
 *
 * @param errors   violations of STIX 2.1 MUST rules: the document is not valid when there is at least one
 * @param warnings SHOULD-level findings (open-vocabulary values, custom properties, ...): informative only
 */
public record ValidationReport(List<ValidationError> errors, List<ValidationError> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** @return true when there are no errors (warnings do not make a document invalid) */
    public boolean valid() {
        return errors.isEmpty();
    }
}
