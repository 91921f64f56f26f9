package org.certhub.playbook.internal;

/**
 * One thing wrong with a playbook file, where it is: the JSON Pointer of the offending node and its
 * line and column in the YAML text (1-based; 0 when the problem is the file as a whole).
 *
 * @param pointer RFC 6901 pointer into the playbook, e.g. {@code /steps/2/within}
 * @param rule the stable id of the broken rule, e.g. {@code schema-required}, {@code ack-unknown-step}
 * @param message what is wrong, for a person
 * @param line 1-based line of the node
 * @param column 1-based column of the node
 */
public record PlaybookError(String pointer, String rule, String message, int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column + " " + pointer + " " + rule + ": " + message;
    }
}
