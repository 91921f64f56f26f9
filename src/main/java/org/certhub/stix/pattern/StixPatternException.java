package org.certhub.stix.pattern;

/**
 * Thrown by {@link StixPattern#parse(String)} when a text is not a valid STIX 2.1 pattern. The message
 * says what was expected or what is wrong and ends with {@code " at <position>"}, for example
 * {@code expected ']' after comparison expression at 17}.
 */
public final class StixPatternException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    StixPatternException(String problem, int position) {
        super(problem + " at " + position);
        this.position = position;
    }

    /**
     * @return the 0-based character offset in the pattern text where the problem is
     */
    public int position() {
        return position;
    }
}
