package org.reprodiff.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their widest cell (capped), for terminal output. */
final class TextTable {
    private static final int MAX_WIDTH = 40;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header;
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter out) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.min(MAX_WIDTH, Math.max(width[i], cell(r[i]).length()));
            }
        }
        line(out, header, width);
        rows.forEach(r -> line(out, r, width));
    }

    private static void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cell(cells[i]);
            if (c.length() > width[i]) {
                c = c.substring(0, width[i] - 1) + "…";
            }
            sb.append(c);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String cell(String s) {
        return s == null ? "" : s;
    }
}
