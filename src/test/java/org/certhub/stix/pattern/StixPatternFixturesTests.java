package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StixPatternFixturesTests {

    static List<String> validPatterns() {
        return PatternFixtures.read("/stix/patterns/valid.txt");
    }

    static List<String> invalidPatterns() {
        return PatternFixtures.read("/stix/patterns/invalid.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPatterns")
    void parsesValidPattern(String text) {
        StixPattern pattern = StixPattern.parse(text);

        assertThat(pattern.text()).isEqualTo(text);
        assertThat(pattern.comparisons()).isNotEmpty().allSatisfy(comparison -> {
            assertThat(comparison.objectType()).matches("[a-z0-9-]{3,250}");
            assertThat(comparison.objectPath()).isNotEmpty().doesNotContain("'");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatterns")
    void rejectsInvalidPatternWithAPositionInsideTheText(String text) {
        assertThatThrownBy(() -> StixPattern.parse(text))
                .isInstanceOf(StixPatternException.class)
                .satisfies(e -> {
                    StixPatternException error = (StixPatternException) e;
                    assertThat(error.position()).isBetween(0, text.length());
                    assertThat(error.getMessage()).endsWith(" at " + error.position());
                });
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(validPatterns()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(invalidPatterns()).hasSizeGreaterThanOrEqualTo(40);
    }
}
