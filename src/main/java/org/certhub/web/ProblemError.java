package org.certhub.web;

/**
 * One entry of a problem's {@code errors} member.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending part of the request (or a parameter name)
 * @param rule the stable id of the rule that was broken, e.g. {@code required-property}
 * @param message what is wrong, for a person
 */
public record ProblemError(String pointer, String rule, String message) {
}
