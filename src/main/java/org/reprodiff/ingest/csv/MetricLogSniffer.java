package org.reprodiff.ingest.csv;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.csv.MetricLogConvention.Kind;
import org.reprodiff.model.Numbers;

/**
 * Decides whether a file is a metric log under {@link MetricLogConvention}: the name first (no I/O beyond a
 * stat for the few names other tools own), then at most {@value MetricLogConvention#SNIFF_BYTES} bytes of
 * content, of which only complete lines are judged. Never throws; an unreadable file is not a metric log.
 */
final class MetricLogSniffer {
    private static final int MAX_ROWS = 20;

    private MetricLogSniffer() {
    }

    /** The kind of metric log the file is, or null when it is none. */
    static Kind sniff(Path file) {
        try {
            Set<Kind> kinds = MetricLogConvention.kindsByName(file);
            if (kinds.isEmpty()) {
                return null;
            }
            List<String> lines = headLines(file);
            if (lines.isEmpty()) {
                return null;
            }
            if (kinds.contains(Kind.JSONL)) {
                return isJsonLog(lines.get(0)) ? Kind.JSONL : null;
            }
            char separator = CsvLineParser.separatorOf(lines.get(0), MetricLogConvention.isTsvName(file));
            List<String> header = separator == 0 ? null : CsvLineParser.split(lines.get(0), separator);
            if (header == null || header.size() < 2) {
                return null;
            }
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, Math.min(lines.size(), MAX_ROWS + 1))) {
                rows.add(CsvLineParser.split(line, separator));
            }
            if (kinds.contains(Kind.KERAS) && isKerasLog(header, rows)) {
                return Kind.KERAS;
            }
            return kinds.contains(Kind.DELIMITED) && isDelimitedLog(header, rows) ? Kind.DELIMITED : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The non-blank complete lines of the file's head (the last one too when the head is the whole file). */
    private static List<String> headLines(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MetricLogConvention.SNIFF_BYTES);
        }
        boolean whole = head.length < MetricLogConvention.SNIFF_BYTES;
        List<String> lines = new ArrayList<>();
        try (LogLineReader reader = new LogLineReader(new ByteArrayInputStream(head), head.length + 1)) {
            for (String line; (line = reader.next()) != null; ) {
                if ((reader.terminated() || whole) && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /**
     * Rows are judged one by one: the first must pass and at least half of those read must (so one damaged row
     * near the top does not hide a log, and a data file whose rows mostly fail is never taken for one).
     */
    private static boolean mostRowsPass(List<List<String>> rows, Predicate<List<String>> passes) {
        int passed = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean ok = rows.get(i) != null && passes.test(rows.get(i));
            if (i == 0 && !ok) {
                return false;
            }
            passed += ok ? 1 : 0;
        }
        return passed * 2 >= rows.size();
    }

    private static boolean isKerasLog(List<String> header, List<List<String>> rows) {
        if (!header.get(0).equals("epoch") || header.stream().noneMatch(h -> h.endsWith("loss"))) {
            return false;
        }
        return mostRowsPass(rows, row -> {
            if (row.size() != header.size() || MetricLogConvention.step(row.get(0)) == null) {
                return false;
            }
            for (String cell : row.subList(1, row.size())) {
                if (!MetricLogConvention.isMissing(cell) && !isKerasList(cell) && Numbers.parseStrict(cell) == null) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Keras writes a 1-D value as {@code "[a, b]"}, quotes included, which the csv module quotes again. */
    private static boolean isKerasList(String cell) {
        return cell.startsWith("[") || cell.startsWith("\"[");
    }

    private static boolean isDelimitedLog(List<String> header, List<List<String>> rows) {
        int x = MetricLogConvention.xColumn(header);
        if (x < 0 || rows.isEmpty()) {
            return false;
        }
        boolean[] numeric = {false};
        boolean pass = mostRowsPass(rows, row -> {
            if (row.size() != header.size() || MetricLogConvention.step(row.get(x)) == null) {
                return false;
            }
            boolean any = false;
            for (int i = 0; i < row.size(); i++) {
                if (i == x || MetricLogConvention.isTimeName(header.get(i))) {
                    continue;
                }
                String cell = row.get(i);
                if (Numbers.parseStrict(cell) != null) {
                    any = true;
                } else if (!MetricLogConvention.isMissing(cell)) {
                    return false;
                }
            }
            numeric[0] |= any;
            return true;
        });
        return pass && numeric[0];
    }

    private static boolean isJsonLog(String firstLine) {
        JsonNode node;
        try {
            node = LenientJson.mapper().readTree(firstLine);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        String x = JsonLinesLogParser.xKey(node);
        if (x == null || JsonLinesLogParser.stepOf(node.get(x)) == null) {
            return false;
        }
        boolean[] numeric = {false};
        JsonLinesLogParser.numbers(node, "", (key, value) -> numeric[0] |= !key.equals(x));
        return numeric[0];
    }
}
