package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * Playbook YAML written to exhaust the hub: alias bombs, wide and deep documents, long keys and
 * strings, each up to the 256 KB a validation request or playbook file may hold. Every one is refused
 * with a rule that says why, quickly, and without building the tree it describes.
 */
class HostilePlaybookYamlTests {

    private static final int MAX_BYTES = 256 * 1024;

    @Test
    void twentyAliasesOfAliasesAreRefusedBeforeTheyExpand() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int level = 1; level <= 20; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }

        assertRefused(bomb.toString(), "yaml-aliases");
    }

    @Test
    void fewAliasesOfALargeListAreRefusedByTheExpandedSize() {
        StringBuilder wide = new StringBuilder("base: &base [");
        for (int i = 0; i < 2_000; i++) {
            wide.append(i == 0 ? "" : ",").append('x');
        }
        wide.append("]\ncopies: [*base, *base, *base, *base, *base, *base, *base, *base, *base]\n");

        assertRefused(wide.toString(), "yaml-size");
    }

    @Test
    void aLongStringAliasedManyTimesIsRefusedByTheExpandedSize() {
        StringBuilder text = new StringBuilder("s: &s ").append("y".repeat(200_000)).append("\nl: [");
        for (int i = 0; i < 2_000; i++) {
            text.append(i == 0 ? "" : ",").append("*s");
        }
        text.append("]\n");

        assertRefused(text.toString(), "yaml-size");
    }

    @Test
    void aDocumentOfTinyNodesIsRefusedByItsNodeCount() {
        assertRefused(fill("[", i -> (i == 0 ? "" : ",") + "1", "]"), "yaml-size");
    }

    @Test
    void deepNestingIsRefused() {
        assertRefused("[".repeat(MAX_BYTES / 2) + "]".repeat(MAX_BYTES / 2), "yaml-depth");
        assertRefused("a:\n  b:\n" + nestedMapping(200), "yaml-depth");
    }

    @Test
    void everyHostileDocumentOfTheSizeLimitIsAnsweredWithin100Milliseconds() {
        Map<String, String> documents = Map.of(
                "alias bomb", "a: &a [" + "x,".repeat(30_000) + "x]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n",
                "tiny nodes", fill("[", i -> (i == 0 ? "" : ",") + "1", "]"),
                "many keys", fill("{", i -> (i == 0 ? "" : ",") + "k" + i + ": 1", "}"),
                "long key chain", nestedLongKeys(),
                "deep flow", "[".repeat(MAX_BYTES / 2) + "]".repeat(MAX_BYTES / 2),
                "one long string", "id: " + "z".repeat(MAX_BYTES - 10) + "\n",
                "many anchors", fill("[", i -> (i == 0 ? "" : ",") + "&a" + i + " [1]", "]"));
        for (Map.Entry<String, String> document : documents.entrySet()) {
            long fastest = Long.MAX_VALUE;
            // The best of a few rounds: the first pays for class loading and JIT compilation, and a
            // build machine shared with other work stalls any single one now and then.
            for (int round = 0; round < 10; round++) {
                long started = System.nanoTime();
                PlaybookValidator.Result result = PlaybookValidator.validate(document.getValue());
                fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
                assertThat(result.valid()).as(document.getKey()).isFalse();
                assertThat(result.errors()).as(document.getKey()).isNotEmpty();
            }
            assertThat(fastest).as(document.getKey() + " took " + fastest + " ms").isLessThan(100);
        }
    }

    @Test
    void aRealPlaybookWithAFewAliasesStillReads() {
        String withAliases = PlaybookValidatorTests.VALID
                .replace("recipients: [affected-certs, {to: regional-soc, role: duty-officer}]",
                        "recipients: &who [affected-certs, {to: regional-soc, role: duty-officer}]")
                .replace("recipients: [kz-cert]", "recipients: *who");

        assertThat(PlaybookValidator.validate(withAliases).errors()).isEmpty();
    }

    private static void assertRefused(String yaml, String rule) {
        assertThat(yaml.length()).isLessThanOrEqualTo(MAX_BYTES);
        PlaybookValidator.Result result = PlaybookValidator.validate(yaml);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(PlaybookError::rule).contains(rule);
    }

    private static String fill(String open, IntFunction<String> item, String close) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; text.length() + close.length() + 16 < MAX_BYTES; i++) {
            text.append(item.apply(i));
        }
        return text.append(close).toString();
    }

    private static String nestedMapping(int depth) {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            text.append("  ".repeat(level + 2)).append("k").append(level).append(":\n");
        }
        return text.append("  ".repeat(depth + 2)).append("v\n").toString();
    }

    /** Keys of 8,000 characters nested 30 deep, each level holding an alias of the one list. */
    private static String nestedLongKeys() {
        List<String> lines = new ArrayList<>();
        lines.add("l: &l [1, 2, 3, 4, 5, 6, 7, 8]");
        for (int level = 0; level < 30; level++) {
            lines.add("  ".repeat(level) + "k" + "x".repeat(8_000) + level + ":");
        }
        lines.add("  ".repeat(30) + "v: [*l, *l, *l, *l, *l, *l, *l, *l, *l]");
        return String.join("\n", lines) + "\n";
    }
}
