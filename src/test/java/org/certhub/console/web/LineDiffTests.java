package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LineDiffTests {

    @Test
    void keepsCommonLinesAndMarksWhatChanged() {
        List<LineDiff.Line> diff = LineDiff.of("id: p\nversion: 1\nwithin: PT4H\nsteps: []\n",
                "id: p\nversion: 2\nwithin: PT4H\nowner: kz\nsteps: []\n");

        assertThat(diff).extracting(line -> line.marker() + line.text()).containsExactly(
                " id: p", "-version: 1", "+version: 2", " within: PT4H", "+owner: kz", " steps: []");
        assertThat(diff.get(1)).isEqualTo(new LineDiff.Line(LineDiff.Kind.REMOVED, "version: 1", 2, 0));
        assertThat(diff.get(2)).isEqualTo(new LineDiff.Line(LineDiff.Kind.ADDED, "version: 2", 0, 2));
        assertThat(diff.get(5)).isEqualTo(new LineDiff.Line(LineDiff.Kind.SAME, "steps: []", 4, 5));
        assertThat(LineDiff.changed(diff)).isTrue();
    }

    @Test
    void sameTextsHaveNoChange() {
        List<LineDiff.Line> diff = LineDiff.of("a\nb\n", "a\nb\n");

        assertThat(diff).allMatch(line -> line.kind() == LineDiff.Kind.SAME).hasSize(2);
        assertThat(LineDiff.changed(diff)).isFalse();
    }

    @Test
    void handlesEmptyTexts() {
        assertThat(LineDiff.of("", "a\n")).containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "a", 0, 1));
        assertThat(LineDiff.of("a\n", "")).containsExactly(new LineDiff.Line(LineDiff.Kind.REMOVED, "a", 1, 0));
    }

    @Test
    void aMiddleTooLargeForTheTableIsShownRemovedThenAdded() {
        String before = IntStream.range(0, 2_100).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 2_100).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));

        List<LineDiff.Line> diff = LineDiff.of("head\n" + before + "\ntail", "head\n" + after + "\ntail");

        assertThat(diff).hasSize(2 + 2 * 2_100);
        assertThat(diff.get(1)).isEqualTo(new LineDiff.Line(LineDiff.Kind.REMOVED, "a0", 2, 0));
        assertThat(diff.get(2_101)).isEqualTo(new LineDiff.Line(LineDiff.Kind.ADDED, "b0", 0, 2));
        assertThat(diff.get(diff.size() - 1)).isEqualTo(new LineDiff.Line(LineDiff.Kind.SAME, "tail", 2_102, 2_102));
    }
}
