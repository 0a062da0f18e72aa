package org.reprodiff.ingest.dvc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;

/**
 * Reads one DVCLive metric file (FORMATS.md 4.2, {@code Metric.dump}): tab-separated, a header naming the columns
 * ({@code step}, optionally {@code timestamp} in epoch milliseconds, and the value column, named after the metric
 * or its basename depending on the version; DVCLive 0.x put {@code timestamp} first), one row per logged point.
 * Columns are found by name, in any order; the value column is the one that is neither {@code step} nor
 * {@code timestamp}. A file without a {@code step} column counts its rows from 0.
 *
 * <p>Invariants: read line by line, never whole; {@code nan}/{@code inf}/{@code -inf} are values; a row that
 * cannot be read is a problem naming its line and is skipped; a last line cut short (no line end, unreadable)
 * marks the result truncated instead. CRLF line ends (DVCLive on Windows) are accepted.
 */
final class DvcLiveTsv {
    /** The series read and whether the file ended mid-row. */
    record Result(MetricSeries series, boolean truncated) {
    }

    private DvcLiveTsv() {
    }

    static Result read(Path file, String key, List<ImportProblem> problems) {
        String where = file.toString();
        MetricSeries.Builder series = new MetricSeries.Builder(key);
        boolean truncated = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return new Result(series.build(), false);
            }
            List<String> columns = Arrays.asList(strip(header).split("\t", -1));
            int step = columns.indexOf("step");
            int time = columns.indexOf("timestamp");
            int value = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (i != step && i != time) {
                    value = i;
                }
            }
            if (value < 0) {
                problems.add(new ImportProblem(where, "line 1", "no value column in header: " + header));
                return new Result(series.build(), false);
            }
            boolean endsWithNewline = endsWithNewline(file);
            long lineNo = 1;
            long index = 0;
            String line = in.readLine();
            while (line != null) {
                lineNo++;
                String next = in.readLine();
                String row = strip(line);
                if (!row.isBlank()) {
                    String error = addRow(row.split("\t", -1), step, time, value, index, series);
                    if (error == null) {
                        index++;
                    } else if (next == null && !endsWithNewline) {
                        truncated = true;
                        problems.add(new ImportProblem(where, "line " + lineNo, "last row cut short: " + row));
                    } else {
                        problems.add(new ImportProblem(where, "line " + lineNo, error));
                    }
                }
                line = next;
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(where, "", "cannot read: " + e.getMessage()));
        }
        return new Result(series.build(), truncated);
    }

    /** Adds one row; returns null, or what is wrong with the row. */
    private static String addRow(String[] cells, int step, int time, int value, long index, MetricSeries.Builder series) {
        int needed = Math.max(value, Math.max(step, time));
        if (cells.length <= needed) {
            return "expected " + (needed + 1) + " cells, found " + cells.length;
        }
        Double v = Numbers.parseStrict(cells[value]);
        if (v == null) {
            return "not a number: '" + cells[value] + "'";
        }
        long s = index;
        if (step >= 0) {
            Double d = Numbers.parseStrict(cells[step]);
            if (d == null || Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
                return "step is not an integer: '" + cells[step] + "'";
            }
            s = d.longValue();
        }
        long wall = MetricSeries.NO_TIME;
        if (time >= 0) {
            Double t = Numbers.parseStrict(cells[time]);
            if (t == null || !Double.isFinite(t)) {
                return "timestamp is not a number: '" + cells[time] + "'";
            }
            wall = t.longValue();
        }
        series.add(s, v, wall);
        return null;
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(size - 1);
            ch.read(last);
            return last.get(0) == '\n';
        }
    }
}
