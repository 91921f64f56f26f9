package org.certhub.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input must end in a StixPatternException, quickly, and never in a crash or a hang. */
class StixPatternRobustnessTests {

    private static final Duration QUICKLY = Duration.ofSeconds(2);

    @Test
    void rejectsTenThousandOpeningParenthesesWithoutOverflowingTheStack() {
        String bomb = "(".repeat(10_000) + "[file:name = 'a']" + ")".repeat(10_000);

        StixPatternException error = assertTimeoutPreemptively(QUICKLY,
                () -> catchThrowableOfPattern(bomb));

        assertThat(error).hasMessage("nesting deeper than 64 parentheses at 64");
    }

    @Test
    void rejectsDeepNestingInsideBrackets() {
        String bomb = "[" + "(".repeat(10_000) + "file:name = 'a'" + ")".repeat(10_000) + "]";

        assertThat(catchThrowableOfPattern(bomb).position()).isEqualTo(65);
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String deep = "(".repeat(32) + "[" + "(".repeat(32) + "file:name = 'a'" + ")".repeat(32) + "]"
                + ")".repeat(32);

        assertThat(StixPattern.parse(deep).comparisons()).hasSize(1);
    }

    @Test
    void parsesLongFlatChainsWithoutDeepRecursion() {
        String observations = String.join(" AND ", Collections.nCopies(20_000, "[file:size = 1]"));
        String comparisons = "[" + String.join(" OR ", Collections.nCopies(20_000, "file:size = 1")) + "]";

        assertTimeoutPreemptively(QUICKLY, () -> {
            assertThat(StixPattern.parse(observations).comparisons()).hasSize(20_000);
            assertThat(StixPattern.parse(comparisons).comparisons()).hasSize(20_000);
        });
    }

    @Test
    void handlesHugeLiteralsAndUnterminatedInputInLinearTime() {
        String backslashes = "\\\\".repeat(500_000);

        assertTimeoutPreemptively(QUICKLY, () -> {
            assertThat(StixPattern.parse("[file:name = '" + backslashes + "']").comparisons()).hasSize(1);
            assertThat(catchThrowableOfPattern("[file:name = '" + backslashes).position()).isEqualTo(13);
            assertThat(catchThrowableOfPattern("[file:x = h'" + "a".repeat(1_000_000)).position()).isEqualTo(10);
            assertThat(catchThrowableOfPattern("[file:x = " + "9".repeat(1_000_000) + "]").position())
                    .isEqualTo(10);
        });
    }

    @Test
    void keepsErrorMessagesShortForHugeTokens() {
        StixPatternException error = catchThrowableOfPattern("[file:name " + "X".repeat(100_000) + " 'a']");

        assertThat(error.getMessage()).hasSizeLessThan(200).startsWith("unknown operator 'XXXX");
    }

    @Test
    void throwsOnlyStixPatternExceptionForRandomMutationsOfValidPatterns() {
        List<String> seeds = PatternFixtures.read("/stix/patterns/valid.txt");
        String alphabet = "[]()':.,*=!<>-+_ \\tbhxAZaz019'\"NOTANDORINLIKE\u0000\u00a0\uffff";
        Random random = new Random(20_240_305L);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 50_000; i++) {
                String mutated = mutate(seeds.get(random.nextInt(seeds.size())), alphabet, random);
                Throwable thrown = catchThrowable(() -> StixPattern.parse(mutated));
                if (thrown != null) {
                    assertThat(thrown).as(mutated).isInstanceOf(StixPatternException.class);
                    assertThat(((StixPatternException) thrown).position()).as(mutated)
                            .isBetween(0, mutated.length());
                }
            }
        });
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> StixPattern.parse(null)).isInstanceOf(NullPointerException.class);
    }

    private static String mutate(String seed, String alphabet, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }

    private static StixPatternException catchThrowableOfPattern(String text) {
        Throwable thrown = catchThrowable(() -> StixPattern.parse(text));
        assertThat(thrown).isInstanceOf(StixPatternException.class);
        return (StixPatternException) thrown;
    }
}
