package org.reprodiff.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited log into cells, the way Python's {@code csv} module (excel dialect) writes
 * them: a cell may be double-quoted, a quote inside a quoted cell is doubled, text after a closing quote is kept.
 * A record is one line: metric logs never hold line breaks inside cells. Cells are trimmed of surrounding spaces
 * (YOLO-style logs pad their columns). Also picks the separator of a file from its header line.
 */
final class CsvLineParser {
    /** The separators recognised, in order of preference when counts tie. */
    static final char[] SEPARATORS = {',', '\t', ';'};

    private CsvLineParser() {
    }

    /** The cells of {@code line}, or null when a quoted cell is not closed (a line cut short, or not CSV). */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == separator) {
                cells.add(finish(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(finish(cell, wasQuoted));
        return cells;
    }

    private static String finish(StringBuilder cell, boolean wasQuoted) {
        return wasQuoted ? cell.toString() : cell.toString().trim();
    }

    /**
     * The separator of a header line: tab for a {@code .tsv} file that has one, else the one of
     * {@link #SEPARATORS} that occurs most often outside quotes; 0 when none occurs.
     */
    static char separatorOf(String header, boolean tsvName) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    if (c == SEPARATORS[s]) {
                        counts[s]++;
                    }
                }
            }
        }
        if (tsvName && counts[1] > 0) {
            return '\t';
        }
        int best = -1;
        for (int s = 0; s < SEPARATORS.length; s++) {
            if (counts[s] > 0 && (best < 0 || counts[s] > counts[best])) {
                best = s;
            }
        }
        return best < 0 ? 0 : SEPARATORS[best];
    }
}
