package org.certhub.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures as a two-column table, printed at the end (and rows as they come, for progress). */
final class Report {

    private final List<String[]> rows = new ArrayList<>();
    private final String title;
    private String header = "";

    Report(String title) {
        this.title = title;
    }

    synchronized void header(String text) {
        header = text;
        System.out.println(text);
    }

    /** A row; an empty {@code phase} continues the row above. Multi-line figures become several rows. */
    synchronized void row(String phase, String figure) {
        String[] lines = figure.split("\n");
        for (int i = 0; i < lines.length; i++) {
            rows.add(new String[] {i == 0 ? phase : "", lines[i]});
            System.out.println("  " + (i == 0 ? phase : "") + (i == 0 && !phase.isEmpty() ? ": " : "    ") + lines[i]);
        }
    }

    synchronized void print() {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(5);
        StringBuilder out = new StringBuilder("\n==== " + title + " ====\n").append(header).append('\n');
        String rule = "-".repeat(width) + "-+-" + "-".repeat(100) + "\n";
        out.append(String.format("%-" + width + "s | %s%n", "phase", "figures")).append(rule);
        for (String[] row : rows) {
            out.append(String.format("%-" + width + "s | %s%n", row[0], row[1]));
        }
        System.out.print(out);
        System.out.flush();
    }
}
