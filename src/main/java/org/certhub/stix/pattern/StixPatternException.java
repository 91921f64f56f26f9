package org.certhub.stix.pattern;

/**
 * Placeholder for the pattern parser's syntax error, so that the validator branch compiles on its own.
 * The real parser (branch stix-pattern) replaces this file at merge.
 */
public final class StixPatternException extends RuntimeException {

    private final int position;

    /**
     * @param message what is wrong
     * @param position the zero-based character offset of the error in the pattern text
     */
    public StixPatternException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** @return the zero-based character offset of the error in the pattern text */
    public int position() {
        return position;
    }
}
