package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.reprodiff.model.MetricSeries;

/**
 * Folds history rows into metric series (FORMATS.md 2.4).
 *
 * <p>Steps follow W&B's own rules ({@link WandbStepTracker}), so old and new logs give the same axis; a
 * renumbered, dropped or unparseable step is a problem naming the record's byte offset.
 *
 * <p>Values: numbers and the {@code NaN}/{@code Infinity} tokens become points; strings, booleans, nulls and
 * lists are left out; a dict value (older logs) is flattened to {@code key.sub} numbers; media, tables and
 * histograms (an object with {@code _type}, or items beside a {@code [..., "_type"]} item) are left out. A
 * point's wall time is the row's {@code _timestamp}. A key bound to a step metric by {@code define_metric}
 * (exact name, else the latest matching glob) takes as its step the step metric's value in that row, or its
 * last logged value; where that is missing or not an integer the history step is used and a problem says so.
 *
 * <p>Invariants: a row is applied whole, at {@link #commitRow}, or not at all (a row whose record fails to decode
 * is simply never committed: the next {@link #beginRow} discards it); the series keep logging order. Not
 * thread-safe.
 */
final class WandbHistory {
    private final String file;
    private final WandbProblems problems;
    private final WandbValues values = new WandbValues();
    private final WandbKeyTable keys = new WandbKeyTable();

    private final WandbStepTracker steps = new WandbStepTracker();
    private long rows;
    private final WandbSummarySlot lastRuntime = new WandbSummarySlot();

    private final Map<String, String> exactStepMetrics = new LinkedHashMap<>();
    private final List<String[]> globStepMetrics = new ArrayList<>();
    private int definitionsVersion;

    private WandbHistoryKey[] rowKeys = new WandbHistoryKey[32];
    private double[] rowValues = new double[32];
    private int rowSize;
    private boolean rowStepItem;
    private boolean rowStepItemValid;
    private long rowStepItemValue;
    private String rowStepItemText;
    private boolean rowRecordStep;
    private long rowRecordStepValue;
    private double rowTimestamp;
    private final List<WandbHistoryKey> rowMarkers = new ArrayList<>();

    WandbHistory(String file, WandbProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** From the run record; only the first history row reads it. */
    void startingStep(long step) {
        steps.startingStep(step);
    }

    /** The run record says the run is in shared mode: steps are taken as given. */
    void sharedMode() {
        steps.sharedMode();
    }

    void beginRow() {
        rowSize = 0;
        rowStepItem = false;
        rowStepItemValid = false;
        rowRecordStep = false;
        rowTimestamp = Double.NaN;
        rowMarkers.clear();
        rowStepItemText = null;
    }

    void recordStep(long num) {
        rowRecordStep = true;
        rowRecordStepValue = num;
    }

    /** One item: the dotted key is {@code k[0, keyLen)} with its last segment at {@code lastSegment}. */
    void item(byte[] k, int keyLen, int lastSegment, byte[] b, int off, int len) {
        WandbHistoryKey key = keys.intern(k, 0, keyLen, lastSegment);
        switch (key.role) {
            case STEP -> stepItem(b, off, len);
            case RUNTIME -> lastRuntime.set(b, off, len);
            case TIMESTAMP -> {
                if (values.classify(b, off, len) == WandbValues.Kind.NUMBER) {
                    rowTimestamp = values.number();
                }
            }
            default -> value(key, b, off, len);
        }
    }

    private void value(WandbHistoryKey key, byte[] b, int off, int len) {
        if (key.media) {
            return;
        }
        if (key.typeMarker) {
            rowMarkers.add(key);
            return;
        }
        switch (values.classify(b, off, len)) {
            case NUMBER -> add(key, values.number());
            case OBJECT -> objectValue(key, new String(b, off, len, StandardCharsets.UTF_8));
            default -> { }
        }
    }

    /** A dict logged as one item (older logs): its numeric leaves become {@code key.sub} points. */
    private void objectValue(WandbHistoryKey key, String json) {
        Object parsed;
        try {
            parsed = WandbValues.parse(json);
        } catch (IOException e) {
            problems.add("bad history value", file, "key " + key.name, "value is not JSON: " + e.getMessage());
            return;
        }
        if (WandbValues.isWandbObject(parsed)) {
            return;
        }
        WandbTree tree = new WandbTree();
        tree.set(key.name, parsed);
        tree.flatten((name, leaf) -> {
            Double v = WandbValues.numeric(leaf);
            if (v != null) {
                add(keys.intern(name), v);
            }
        }, (name, text) -> { });
    }

    private void add(WandbHistoryKey key, double v) {
        if (rowSize == rowKeys.length) {
            rowKeys = Arrays.copyOf(rowKeys, rowSize * 2);
            rowValues = Arrays.copyOf(rowValues, rowSize * 2);
        }
        rowKeys[rowSize] = key;
        rowValues[rowSize] = v;
        rowSize++;
    }

    /** {@code _step} as W&B reads it: {@code strconv.ParseInt} of the exact text (so {@code 5.5}, {@code "5"} fail). */
    private void stepItem(byte[] b, int off, int len) {
        rowStepItem = true;
        int i = off;
        int end = off + len;
        boolean negative = i < end && b[i] == '-';
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        long v = 0;
        boolean ok = i < end && end - i <= 18;
        for (; ok && i < end; i++) {
            ok = b[i] >= '0' && b[i] <= '9';
            v = v * 10 + (b[i] - '0');
        }
        rowStepItemValid = ok;
        rowStepItemValue = negative ? -v : v;
        if (!ok) {
            rowStepItemText = new String(b, off, Math.min(len, 40), StandardCharsets.UTF_8);
        }
    }

    /** Applies the row read since {@link #beginRow}; {@code offset} names the record in problems. */
    void commitRow(long offset) {
        rows++;
        long before = steps.next();
        long step = steps.assign(rowStepItem && rowStepItemValid, rowStepItemValue, rowRecordStep,
                rowRecordStepValue);
        if (step == WandbStepTracker.DROPPED) {
            problems.add("dropped row", file, "byte " + offset, "history row at step " + rowRecordStepValue
                    + " is behind the running step " + before + "; dropped as W&B drops it");
            return;
        }
        if (steps.renumberedFrom() != WandbStepTracker.DROPPED) {
            problems.add("renumbered step", file, "byte " + offset, "history _step " + steps.renumberedFrom()
                    + " is behind the running step " + before + "; renumbered to " + step + " as W&B does");
        }
        if (rowStepItem && !rowStepItemValid) {
            problems.add("bad _step", file, "byte " + offset, "history _step " + rowStepItemText + " is not an"
                    + " integer; the row gets step " + step + " as W&B assigns it");
        }
        long wall = Double.isFinite(rowTimestamp) ? Math.round(rowTimestamp * 1000.0) : MetricSeries.NO_TIME;
        if (!rowMarkers.isEmpty()) {
            markMedia();
        }
        for (int i = 0; i < rowSize; i++) {
            rowKeys[i].last = rowValues[i];
            rowKeys[i].seen = true;
        }
        for (int i = 0; i < rowSize; i++) {
            WandbHistoryKey key = rowKeys[i];
            if (!key.media) {
                key.series().add(pointStep(key, step, offset), rowValues[i], wall);
            }
        }
    }

    /** Items of this row under a {@code ..._type} item's parent are media fields, now and later. */
    private void markMedia() {
        for (WandbHistoryKey marker : rowMarkers) {
            if (marker.parent == null) {
                continue;
            }
            String prefix = marker.parent + ".";
            for (int i = 0; i < rowSize; i++) {
                if (rowKeys[i].name.startsWith(prefix)) {
                    rowKeys[i].media = true;
                }
            }
        }
    }

    private long pointStep(WandbHistoryKey key, long step, long offset) {
        if (key.definitionsVersion != definitionsVersion) {
            bindStepMetric(key);
        }
        WandbHistoryKey metric = key.stepMetric;
        if (metric == null || metric == key) {
            return step;
        }
        double v = metric.last;
        if (metric.seen && v == Math.rint(v) && Math.abs(v) < 9.0e15) {
            return (long) v;
        }
        if (!key.warnedStepMetric) {
            key.warnedStepMetric = true;
            problems.add("step metric", file, "byte " + offset, "metric " + key.name + " is stepped by "
                    + metric.name + ", which has " + (metric.seen ? "the non-integer value " + v : "no value yet")
                    + "; the history step is used where that happens");
        }
        return step;
    }

    private void bindStepMetric(WandbHistoryKey key) {
        key.definitionsVersion = definitionsVersion;
        String stepMetric = exactStepMetrics.get(key.name);
        if (stepMetric == null) {
            for (int i = globStepMetrics.size() - 1; i >= 0 && stepMetric == null; i--) {
                String[] g = globStepMetrics.get(i);
                if (globMatches(g[0], key.name)) {
                    stepMetric = g[1];
                }
            }
        }
        key.stepMetric = stepMetric == null || stepMetric.isEmpty() ? null : keys.intern(stepMetric);
    }

    /** A {@code define_metric} record: a name or glob, and its step metric (empty when none). */
    void defineMetric(String name, String glob, String stepMetric) {
        if (!name.isEmpty()) {
            exactStepMetrics.put(name, stepMetric);
        } else if (!glob.isEmpty()) {
            globStepMetrics.add(new String[] {glob, stepMetric});
        } else {
            return;
        }
        definitionsVersion++;
    }

    /** W&B metric globs: {@code *} matches any run of characters. */
    static boolean globMatches(String glob, String name) {
        return name.matches(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }

    /** The interned key spelled by {@code k[0, len)}, for the summary fold. */
    WandbHistoryKey key(byte[] k, int len, int lastSegment) {
        return keys.intern(k, 0, len, lastSegment);
    }

    long rows() {
        return rows;
    }

    /** The last {@code _runtime} of the history (seconds), or NaN. */
    double lastRuntime() {
        byte[] b = lastRuntime.json().getBytes(StandardCharsets.UTF_8);
        return values.classify(b, 0, b.length) == WandbValues.Kind.NUMBER ? values.number() : Double.NaN;
    }

    /** Every non-empty history series, in first-seen key order. */
    List<MetricSeries> series() {
        List<MetricSeries> out = new ArrayList<>();
        for (WandbHistoryKey key : keys.inOrder()) {
            if (key.series != null && key.series.size() > 0 && !key.media) {
                out.add(key.series.build());
            }
        }
        return out;
    }
}
