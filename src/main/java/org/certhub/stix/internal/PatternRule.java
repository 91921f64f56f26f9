package org.certhub.stix.internal;

import org.certhub.stix.pattern.StixPattern;
import org.certhub.stix.pattern.StixPatternException;
import tools.jackson.databind.JsonNode;

/** indicator.pattern MUST be a valid STIX pattern when pattern_type is {@code stix}. */
final class PatternRule {

    private PatternRule() {
    }

    static void check(JsonNode indicator, String pointer, Issues out) {
        JsonNode pattern = indicator.path("pattern");
        if (!pattern.isString() || !Checks.text(indicator, "pattern_type").equals("stix")) {
            return;
        }
        String at = Pointers.child(pointer, "pattern");
        try {
            StixPattern.parse(pattern.stringValue());
        } catch (StixPatternException e) {
            out.error(at, "pattern-syntax", "invalid STIX pattern: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // The parser is a separate component: whatever it throws on hostile input must not escape.
            out.error(at, "pattern-syntax", "the STIX pattern could not be parsed");
        }
    }
}
