package org.reprodiff.ingest.wandb;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.model.MetricSeries;

/**
 * Reads the JSON-lines history of very old SDKs (before 0.10, FORMATS.md 2.1): {@code files/wandb-history.jsonl},
 * one object per {@code log()} call with {@code _step}, {@code _runtime} and {@code _timestamp}, and
 * {@code files/wandb-events.jsonl}, one object per system-metrics sample with keys {@code system.<name>}. Used
 * only when the run has no binary history. The values follow the rules of the binary history: numbers and the
 * NaN/Infinity tokens become points, dicts are flattened with {@code .}, media objects and text are left out;
 * a row without an integer {@code _step} gets its line number. The file is streamed line by line; a last line
 * cut short marks the run truncated, any other bad line is a problem naming it.
 */
final class WandbLegacyHistory {
    static final String HISTORY = "wandb-history.jsonl";
    static final String EVENTS = "wandb-events.jsonl";

    /** The series read and whether a file ended inside a line. */
    record Result(List<MetricSeries> series, boolean truncated) {
    }

    private WandbLegacyHistory() {
    }

    static Result read(Path filesDir, WandbProblems problems) {
        Map<String, MetricSeries.Builder> series = new LinkedHashMap<>();
        boolean truncated = read(filesDir.resolve(HISTORY), false, series, problems);
        truncated |= read(filesDir.resolve(EVENTS), true, series, problems);
        List<MetricSeries> out = new ArrayList<>();
        series.values().forEach(b -> out.add(b.build()));
        return new Result(out, truncated);
    }

    private static boolean read(Path file, boolean events, Map<String, MetricSeries.Builder> series,
                                WandbProblems problems) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String where = file.toString();
        boolean endsWithNewline;
        try {
            long size = Files.size(file);
            endsWithNewline = size == 0 || lastByte(file, size) == '\n';
        } catch (IOException e) {
            problems.add(where, "", "cannot read: " + e.getMessage());
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long index = 0;
            String line;
            String pending = null;
            while ((line = in.readLine()) != null) {
                if (pending != null) {
                    row(pending, index++, events, series, where, problems, false);
                }
                pending = line;
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
            if (pending != null) {
                return !row(pending, index, events, series, where, problems, !endsWithNewline);
            }
        } catch (IOException e) {
            problems.add(where, "", "cannot read: " + e.getMessage());
        }
        return false;
    }

    /** Adds one line's points; returns false when a last, unterminated line could not be read (truncated). */
    private static boolean row(String line, long index, boolean events, Map<String, MetricSeries.Builder> series,
                               String file, WandbProblems problems, boolean lastUnterminated) {
        if (line.isBlank()) {
            return true;
        }
        Object parsed;
        try {
            parsed = WandbValues.parse(line);
        } catch (IOException e) {
            if (lastUnterminated) {
                problems.add(file, "line " + (index + 1), "the last line is cut short: the file is truncated");
                return false;
            }
            problems.add("bad history line", file, "line " + (index + 1), "not JSON: " + e.getMessage());
            return true;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            problems.add("bad history line", file, "line " + (index + 1), "not a JSON object");
            return true;
        }
        Double ts = WandbValues.numeric(map.get("_timestamp"));
        long wall = ts != null && Double.isFinite(ts) ? Math.round(ts * 1000) : MetricSeries.NO_TIME;
        Double s = events ? null : WandbValues.numeric(map.get("_step"));
        long step = s != null && s == Math.rint(s) ? s.longValue() : index;
        WandbTree tree = new WandbTree();
        map.forEach((k, v) -> tree.set(String.valueOf(k), v));
        tree.flatten((key, leaf) -> {
            Double v = WandbValues.numeric(leaf);
            if (v == null || key.startsWith("_")) {
                return;
            }
            String name = events && key.startsWith("system.") ? WandbSystemMetrics.PREFIX + key.substring(7) : key;
            MetricSeries.Builder b = series.computeIfAbsent(name, MetricSeries.Builder::new);
            b.add(events ? b.size() : step, v, wall);
        }, (key, text) -> { });
        return true;
    }

    private static int lastByte(Path file, long size) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(size - 1);
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one);
            return one.get(0);
        }
    }
}
