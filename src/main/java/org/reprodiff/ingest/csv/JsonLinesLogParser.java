package org.reprodiff.ingest.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;

/**
 * Reads a JSON Lines metric log (one object per line, FORMATS.md 9) into a {@link SeriesCollector}, streaming.
 * The x key is the first of {@link MetricLogConvention#X_NAMES} found in the first line that has one, and stays
 * that key for the file; nested objects are flattened with {@code /} ({@code {"val": {"acc": 1}}} gives
 * {@code val/acc}); numbers, the tokens {@code NaN}/{@code Infinity}/{@code -Infinity} and numeric strings are
 * values, other values (text, booleans, lists, null) are not. A top-level time key with an epoch value gives the
 * line's wall time. A line without the x key (a final evaluation, say) gives summary values instead of points.
 *
 * <p>Damage: a line that is not JSON, not an object, or whose step is not an integer is a problem naming its
 * line, and reading goes on; a last line without its line ending that is not valid JSON was cut short by a
 * running job: it is dropped and the run marked truncated.
 */
final class JsonLinesLogParser {
    private static final int INTERRUPT_CHECK_LINES = 65536;

    private JsonLinesLogParser() {
    }

    static void parse(InputStream in, SeriesCollector out) throws IOException {
        String x = null;
        try (LogLineReader reader = new LogLineReader(in, DelimitedLogParser.MAX_LINE_BYTES)) {
            for (String line; (line = reader.next()) != null; ) {
                long n = reader.lineNumber();
                if (n % INTERRUPT_CHECK_LINES == 0 && Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (reader.overlong()) {
                    out.problem(n, "line longer than " + DelimitedLogParser.MAX_LINE_BYTES + " bytes; skipped");
                    continue;
                }
                JsonNode node;
                try {
                    node = LenientJson.mapper().readTree(line);
                } catch (JsonProcessingException e) {
                    if (reader.terminated()) {
                        out.problem(n, "not JSON: " + firstLine(e.getOriginalMessage()) + "; line skipped");
                    } else {
                        out.truncated();
                    }
                    continue;
                }
                if (node == null || !node.isObject()) {
                    out.problem(n, "not a JSON object; line skipped");
                    continue;
                }
                if (x == null) {
                    x = xKey(node);
                }
                object(node, x, n, out);
            }
        }
    }

    private static void object(JsonNode node, String x, long n, SeriesCollector out) {
        if (x == null || !node.has(x)) {
            numbers(node, "", out::summary);
            return;
        }
        Long step = stepOf(node.get(x));
        if (step == null) {
            out.problem(n, "step '" + x + "' is " + node.get(x) + ", not an integer; line skipped");
            return;
        }
        String timeKey = timeKey(node);
        long wall = timeKey == null ? MetricSeries.NO_TIME : MetricLogConvention.wallTimeMillis(number(node.get(timeKey)));
        String wallKey = wall == MetricSeries.NO_TIME ? null : timeKey;
        numbers(node, "", (key, value) -> {
            if (!key.equals(x) && !key.equals(wallKey)) {
                out.point(key, step, value, wall);
            }
        });
    }

    /** The first of the x names that the object has, or null. */
    static String xKey(JsonNode node) {
        for (String name : MetricLogConvention.X_NAMES) {
            if (node.has(name)) {
                return name;
            }
        }
        return null;
    }

    private static String timeKey(JsonNode node) {
        for (String name : MetricLogConvention.TIME_NAMES) {
            if (node.has(name)) {
                return name;
            }
        }
        return null;
    }

    static Long stepOf(JsonNode v) {
        double d = number(v);
        return Double.isNaN(d) ? null : MetricLogConvention.step(d);
    }

    /** Calls {@code sink} with every numeric leaf of an object, keys joined with {@code /}. */
    static void numbers(JsonNode node, String prefix, BiConsumer<String, Double> sink) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                numbers(v, key + "/", sink);
            } else if (v.isNumber() || v.isTextual() && Numbers.parseStrict(v.asText()) != null) {
                sink.accept(key, number(v));
            }
        }
    }

    /** A numeric or numeric-text node's value; NaN for anything else (callers check the kind first). */
    private static double number(JsonNode v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        Double d = v.isTextual() ? Numbers.parseStrict(v.asText()) : null;
        return d == null ? Double.NaN : d;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
