package org.reprodiff.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;

/**
 * Reads a delimited metric log (Keras CSVLogger, or a generic CSV/TSV log, see {@link MetricLogConvention}) into
 * a {@link SeriesCollector}, streaming. The first non-blank line is the header; its separator is sniffed. Each
 * later line is a row: the x cell gives the step; every other column whose first value is a number is a series,
 * one whose first value is text is not read (Keras's list cells, a {@code phase} column); {@code NA} and the
 * other missing tokens skip the point; {@code nan}/{@code inf} are values. A time column holding epoch values
 * gives wall times.
 *
 * <p>Damage: a row with the wrong number of cells, an unclosed quote, a step that is not an integer or a
 * non-number in a numeric column is a problem naming its line, and the rest of the file is still read (only the
 * bad cell is dropped when the row is otherwise sound). A last line without its line ending that does not parse
 * cleanly is a line cut short by a running job: it is dropped and the run marked truncated, not reported. A
 * last line without an ending that parses cleanly is kept (it cannot be told from a complete one).
 */
final class DelimitedLogParser {
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
    private static final int INTERRUPT_CHECK_LINES = 65536;

    private enum Column { UNDECIDED, SERIES, TEXT, TIME, SKIPPED }

    private DelimitedLogParser() {
    }

    static void parse(InputStream in, boolean tsvName, SeriesCollector out) throws IOException {
        try (LogLineReader reader = new LogLineReader(in, MAX_LINE_BYTES)) {
            String headerLine = reader.next();
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = reader.next();
            }
            if (headerLine == null) {
                out.problem("", "no header line: the file is empty");
                return;
            }
            if (!reader.terminated()) {
                out.truncated();
                return;
            }
            char separator = CsvLineParser.separatorOf(headerLine, tsvName);
            List<String> header = separator == 0 ? null : CsvLineParser.split(headerLine, separator);
            int x = header == null ? -1 : MetricLogConvention.xColumn(header);
            if (x < 0) {
                out.problem(reader.lineNumber(), "header names no step column (one of "
                        + String.join(", ", MetricLogConvention.X_NAMES) + ")");
                return;
            }
            Column[] columns = columns(header, x, reader.lineNumber(), out);
            int time = timeColumn(header, x);
            for (String line; (line = reader.next()) != null; ) {
                if (reader.lineNumber() % INTERRUPT_CHECK_LINES == 0 && Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!line.isBlank()) {
                    row(line, reader, separator, header, x, time, columns, out);
                }
            }
        }
    }

    private static Column[] columns(List<String> header, int x, long line, SeriesCollector out) {
        Column[] columns = new Column[header.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            boolean fresh = seen.add(header.get(i));
            columns[i] = i == x || !fresh ? Column.SKIPPED : Column.UNDECIDED;
            if (!fresh && i != x) {
                out.problem(line, "column '" + header.get(i) + "' appears twice; only the first is read");
            }
        }
        return columns;
    }

    private static int timeColumn(List<String> header, int x) {
        for (int i = 0; i < header.size(); i++) {
            if (i != x && MetricLogConvention.isTimeName(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void row(String line, LogLineReader reader, char separator, List<String> header, int x,
                            int time, Column[] columns, SeriesCollector out) {
        long n = reader.lineNumber();
        boolean cut = !reader.terminated();
        if (reader.overlong()) {
            out.problem(n, "line longer than " + MAX_LINE_BYTES + " bytes; skipped");
            return;
        }
        List<String> cells = CsvLineParser.split(line, separator);
        if (cells == null) {
            reject(cut, n, "a quoted cell is not closed; row skipped", out);
            return;
        }
        while (cells.size() > header.size() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        if (cells.size() != header.size()) {
            reject(cut, n, cells.size() + " cells where the header has " + header.size() + "; row skipped", out);
            return;
        }
        Long step = MetricLogConvention.step(cells.get(x));
        if (step == null) {
            reject(cut, n, "step column '" + header.get(x) + "' holds '" + cells.get(x)
                    + "', not an integer; row skipped", out);
            return;
        }
        Double[] values = new Double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (columns[i] == Column.SKIPPED || columns[i] == Column.TEXT || MetricLogConvention.isMissing(cell)) {
                continue;
            }
            values[i] = Numbers.parseStrict(cell);
            if (values[i] == null && cut) {
                out.truncated();
                return;
            }
        }
        long wall = MetricSeries.NO_TIME;
        for (int i = 0; i < cells.size(); i++) {
            if (columns[i] == Column.SKIPPED || columns[i] == Column.TEXT || MetricLogConvention.isMissing(cells.get(i))) {
                continue;
            }
            if (columns[i] == Column.UNDECIDED) {
                columns[i] = decide(values[i], i == time);
            }
            if (values[i] == null) {
                if (columns[i] != Column.TEXT) {
                    out.problem(n, "column '" + header.get(i) + "': '" + cells.get(i) + "' is not a number; value skipped");
                }
            } else if (columns[i] == Column.TIME) {
                wall = MetricLogConvention.wallTimeMillis(values[i]);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            if (columns[i] == Column.SERIES && values[i] != null) {
                out.point(header.get(i), step, values[i], wall);
            }
        }
    }

    private static Column decide(Double first, boolean timeCandidate) {
        if (first == null) {
            return Column.TEXT;
        }
        boolean wall = timeCandidate && MetricLogConvention.wallTimeMillis(first) != MetricSeries.NO_TIME;
        return wall ? Column.TIME : Column.SERIES;
    }

    private static void reject(boolean cut, long line, String message, SeriesCollector out) {
        if (cut) {
            out.truncated();
        } else {
            out.problem(line, message);
        }
    }
}
