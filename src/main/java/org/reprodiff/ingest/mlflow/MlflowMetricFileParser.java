package org.reprodiff.ingest.mlflow;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;

/**
 * Reads one file-store metric file (FORMATS.md 1.1, "Metrics"): one point per line, fields separated by
 * spaces: {@code timestamp value} (step 0), {@code timestamp value step}, or more fields after the step
 * (MLflow 3 adds the dataset name and digest; names with spaces add more), which are ignored. Points keep the
 * logging order, repeated steps included. A line that does not parse becomes a problem naming its line, and
 * the rest of the file is still read; an unparsable last line without a line end means the file was cut off.
 *
 * <p>Streams the bytes and parses timestamps and steps in place: no regex, one short string per value.
 */
final class MlflowMetricFileParser {
    private static final int BUFFER = 8 * 1024;
    private static final int QUOTE_LIMIT = 80;

    /** The series read, and whether the file ended in the middle of a line that could not be read. */
    record Parsed(MetricSeries series, boolean truncated) {
    }

    private final String key;
    private final String fileName;
    private final List<ImportProblem> problems;
    private final MetricSeries.Builder series;
    private int lineNumber;
    private boolean lastLineFailed;
    private String failure;
    private long step;
    private double value;
    private long time;
    private final int[] bounds = new int[6];

    private MlflowMetricFileParser(String key, String fileName, List<ImportProblem> problems) {
        this.key = key;
        this.fileName = fileName;
        this.problems = problems;
        this.series = new MetricSeries.Builder(key);
    }

    /**
     * Parses {@code file} as metric {@code key}; line problems are added to {@code problems} under
     * {@code fileName}. Throws only when the file cannot be opened or read at all.
     */
    static Parsed parse(Path file, String key, String fileName, List<ImportProblem> problems) throws IOException {
        MlflowMetricFileParser parser = new MlflowMetricFileParser(key, fileName, problems);
        boolean endsWithNewline = parser.readLines(file);
        return new Parsed(parser.series.build(), parser.lastLineFailed && !endsWithNewline);
    }

    /** Reads every line; returns whether the last byte of the file was a line end. */
    private boolean readLines(Path file) throws IOException {
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        boolean endsWithNewline = true;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int nl = indexOf(buf, start, end, (byte) '\n');
                if (nl >= 0) {
                    line(buf, start, nl);
                    start = nl + 1;
                    continue;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    if (end > start) {
                        line(buf, start, end);
                        endsWithNewline = false;
                    }
                    return endsWithNewline;
                }
                end += n;
            }
        }
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void line(byte[] b, int from, int to) {
        lineNumber++;
        int end = to;
        if (end > from && b[end - 1] == '\r') {
            end--;
        }
        if (parsePoint(b, from, end)) {
            series.add(step, value, time);
            lastLineFailed = false;
        } else {
            lastLineFailed = true;
            String text = new String(b, from, end - from, StandardCharsets.UTF_8);
            String quoted = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
            problems.add(new ImportProblem(fileName, "line " + lineNumber,
                    "metric " + key + ": " + failure + " in '" + quoted + "'"));
        }
    }

    /** Splits the line into fields and parses the first three; sets {@link #failure} when it cannot. */
    private boolean parsePoint(byte[] b, int from, int to) {
        int fields = 0;
        int i = from;
        while (i < to && fields < 3) {
            while (i < to && isSpace(b[i])) {
                i++;
            }
            if (i == to) {
                break;
            }
            int s = i;
            while (i < to && !isSpace(b[i])) {
                i++;
            }
            bounds[fields * 2] = s;
            bounds[fields * 2 + 1] = i;
            fields++;
        }
        if (fields < 2) {
            failure = fields == 0 ? "empty line, expected 'timestamp value [step]'"
                    : "one field, expected 'timestamp value [step]'";
            return false;
        }
        Long ts = parseLong(b, bounds[0], bounds[1]);
        if (ts == null) {
            failure = "timestamp is not an integer";
            return false;
        }
        Double v = parseValue(b, bounds[2], bounds[3]);
        if (v == null) {
            failure = "value is not a number";
            return false;
        }
        long st = 0;
        if (fields == 3) {
            Long parsed = parseLong(b, bounds[4], bounds[5]);
            if (parsed == null) {
                failure = "step is not an integer";
                return false;
            }
            st = parsed;
        }
        time = ts;
        value = v;
        step = st;
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    private static Long parseLong(byte[] b, int from, int to) {
        if (to - from > 18) {
            return parseLongSlow(b, from, to);
        }
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == to) {
            return null;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private static Long parseLongSlow(byte[] b, int from, int to) {
        try {
            return Long.parseLong(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Plain decimals go to Jackson's bundled fast, correctly rounded parser (Python writes 17 significant
     * digits, which sends {@link Double#parseDouble} down its slow big-integer path on Java 17); anything else
     * ({@code nan}, {@code inf}) goes to {@link Numbers}.
     */
    private static Double parseValue(byte[] b, int from, int to) {
        boolean plain = true;
        boolean digit = false;
        for (int i = from; i < to && plain; i++) {
            byte c = b[i];
            digit |= c >= '0' && c <= '9';
            plain = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        if (plain && digit) {
            try {
                return NumberInput.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1), true);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Numbers.parseStrict(new String(b, from, to - from, StandardCharsets.UTF_8));
    }
}
