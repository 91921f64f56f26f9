package org.certhub.console.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of two texts as a unified line diff: the longest common subsequence of lines kept, the
 * rest removed or added. Common head and tail are matched first; a middle too large for the LCS table
 * (playbooks are small, but the page must not be a way to spend the server's memory) is shown as
 * removed then added.
 */
final class LineDiff {

    static final long MAX_CELLS = 4_000_000;

    enum Kind { SAME, REMOVED, ADDED }

    /**
     * One line of the diff.
     *
     * @param kind kept, removed from the first text or added in the second
     * @param text the line
     * @param oldNumber its 1-based number in the first text; 0 for an added line
     * @param newNumber its 1-based number in the second text; 0 for a removed line
     */
    record Line(Kind kind, String text, int oldNumber, int newNumber) {

        public String marker() {
            return switch (kind) {
                case SAME -> " ";
                case REMOVED -> "-";
                case ADDED -> "+";
            };
        }
    }

    private LineDiff() {
    }

    static List<Line> of(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            lines.add(new Line(Kind.SAME, a.get(i), i + 1, i + 1));
        }
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, lines);
        for (int i = tail; i > 0; i--) {
            lines.add(new Line(Kind.SAME, a.get(a.size() - i), a.size() - i + 1, b.size() - i + 1));
        }
        return lines;
    }

    /** Whether the texts differ at all. */
    static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(line -> line.kind() != Kind.SAME);
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1));
            }
            return;
        }
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
                out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1));
                j++;
            } else {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0));
                i++;
            }
        }
    }
}
