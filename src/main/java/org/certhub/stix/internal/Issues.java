package org.certhub.stix.internal;

import java.util.ArrayList;
import java.util.List;
import org.certhub.stix.ValidationError;
import org.certhub.stix.ValidationReport;

/**
 * Collects errors and warnings up to a cap, so that a hostile document with millions of faults costs
 * bounded memory and lets validation stop early.
 */
public final class Issues {

    private final int max;
    private final List<ValidationError> errors = new ArrayList<>();
    private final List<ValidationError> warnings = new ArrayList<>();
    private boolean errorsFull;
    private boolean warningsFull;

    /** @param max the most errors (and, separately, warnings) kept; later ones are dropped */
    public Issues(int max) {
        this.max = max;
    }

    public void error(String pointer, String rule, String message) {
        if (errorsFull) {
            return;
        }
        if (errors.size() == max) {
            errorsFull = true;
            errors.add(new ValidationError("", "too-many-errors",
                    "more than " + max + " errors; validation stopped"));
            return;
        }
        errors.add(new ValidationError(pointer, rule, message));
    }

    public void warn(String pointer, String rule, String message) {
        if (warningsFull) {
            return;
        }
        if (warnings.size() == max) {
            warningsFull = true;
            warnings.add(new ValidationError("", "too-many-warnings",
                    "more than " + max + " warnings; later warnings dropped"));
            return;
        }
        warnings.add(new ValidationError(pointer, rule, message));
    }

    /** @return true once the error cap is reached: callers may stop validating */
    public boolean full() {
        return errorsFull;
    }

    public int errorCount() {
        return errors.size();
    }

    public ValidationReport report() {
        return new ValidationReport(errors, warnings);
    }
}
