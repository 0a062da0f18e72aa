package org.reprodiff.ui.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.reprodiff.model.RunSummary;

/**
 * The runs of a project with their sort and filter keys extracted once, so that sorting 10,000 rows sorts
 * primitive (rank, index) pairs (see {@link #ranks}) and filtering scans one lower-cased string per row. No
 * JavaFX. Invariants: unknown times, blank texts and missing (or NaN) metric values sort last whichever the direction; ties keep the
 * store's order (the sort is stable over rows in id order).
 */
public final class RunRows {
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final List<Row> rows;
    private final Map<String, Integer> metricIndex = new HashMap<>();
    private final Map<SortKey, int[]> ranks = new HashMap<>();

    /**
     * @param runs        the rows, in store order
     * @param metricKeys  the metrics whose final values can be sorted on
     * @param finalValues final metric values by run id and key (missing entries are blanks)
     * @param twinText    what the twin-group column shows, by group (searchable like the other columns)
     */
    public RunRows(List<RunSummary> runs, List<String> metricKeys, Map<Long, Map<String, Double>> finalValues,
                   Map<String, String> twinText) {
        for (int i = 0; i < metricKeys.size(); i++) {
            metricIndex.put(metricKeys.get(i), i);
        }
        rows = new ArrayList<>(runs.size());
        for (RunSummary r : runs) {
            Map<String, Double> finals = finalValues.getOrDefault(r.id(), Map.of());
            double[] metrics = new double[metricKeys.size()];
            for (int i = 0; i < metrics.length; i++) {
                Double v = finals.get(metricKeys.get(i));
                metrics[i] = v == null ? Double.NaN : v;
            }
            String twin = r.twinGroup() == null ? "" : twinText.getOrDefault(r.twinGroup(), r.twinGroup());
            rows.add(new Row(rows.size(), r, lower(r.format()), lower(displayName(r)), lower(r.experiment()), r.status().name(),
                    r.startTime() == null ? UNKNOWN : r.startTime().toEpochMilli(), durationMillis(r), lower(twin),
                    metrics, String.join("\u0000", lower(displayName(r)), lower(r.nativeId()), lower(r.experiment()),
                            lower(r.format()), r.status().name().toLowerCase(Locale.ROOT), lower(twin),
                            lower(r.source()))));
        }
    }

    /** The name a run is shown under: its name, else its native id. */
    public static String displayName(RunSummary r) {
        return r.name() == null || r.name().isBlank() ? r.nativeId() : r.name();
    }

    /** Run duration in ms, or {@link Long#MIN_VALUE} when either end is unknown. */
    static long durationMillis(RunSummary r) {
        return r.startTime() == null || r.endTime() == null ? UNKNOWN : Duration.between(r.startTime(), r.endTime()).toMillis();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    public int size() {
        return rows.size();
    }

    /**
     * The rows that pass {@code scope} and contain every word of {@code filter} (case-insensitive, in the name,
     * native id, experiment, format, status, twin group or source), sorted by {@code key} (null: store order).
     */
    public List<RunSummary> query(String filter, Predicate<RunSummary> scope, SortKey key, boolean ascending) {
        String[] words = filter == null || filter.isBlank() ? new String[0]
                : filter.toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<Row> kept = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (scope.test(row.run) && matches(row.haystack, words)) {
                kept.add(row);
            }
        }
        List<RunSummary> out = new ArrayList<>(kept.size());
        if (key == null) {
            for (Row row : kept) {
                out.add(row.run);
            }
            return out;
        }
        int[] rank = ranks(key);
        int top = 0;
        for (int r : rank) {
            if (r != Integer.MAX_VALUE) {
                top = Math.max(top, r);
            }
        }
        long[] packed = new long[kept.size()];
        for (int i = 0; i < packed.length; i++) {
            int index = kept.get(i).index;
            int r = rank[index];
            long k = r == Integer.MAX_VALUE ? Integer.MAX_VALUE : ascending ? r : top - r;
            packed[i] = (k << 32) | index;
        }
        Arrays.sort(packed);
        for (long p : packed) {
            out.add(rows.get((int) p).run);
        }
        return out;
    }

    /**
     * Each row's rank under {@code key}: equal keys share a rank, unknown keys get {@link Integer#MAX_VALUE}.
     * Computed with one comparator sort the first time a key is asked for, then kept, so every later sort
     * (either direction, any filter) is a sort of primitive longs packing (rank, row index): ties keep store order.
     */
    private int[] ranks(SortKey key) {
        return ranks.computeIfAbsent(key, k -> {
            Comparator<Row> order = comparator(k, true);
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(order);
            int[] rank = new int[rows.size()];
            int r = -1;
            Row previous = null;
            for (Row row : sorted) {
                if (previous == null || order.compare(previous, row) != 0) {
                    r++;
                }
                rank[row.index] = unknown(row, k) ? Integer.MAX_VALUE : r;
                previous = row;
            }
            return rank;
        });
    }

    private boolean unknown(Row row, SortKey key) {
        return switch (key.column()) {
            case FORMAT -> row.format.isEmpty();
            case NAME -> row.name.isEmpty();
            case EXPERIMENT -> row.experiment.isEmpty();
            case STATUS -> row.status.isEmpty();
            case TWIN_GROUP -> row.twin.isEmpty();
            case START -> row.start == UNKNOWN;
            case DURATION -> row.duration == UNKNOWN;
            case METRIC -> {
                Integer i = metricIndex.get(key.metric());
                yield i == null || Double.isNaN(row.metrics[i]);
            }
        };
    }

    private static boolean matches(String haystack, String[] words) {
        for (String w : words) {
            if (!haystack.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private Comparator<Row> comparator(SortKey key, boolean ascending) {
        return switch (key.column()) {
            case FORMAT -> strings(r -> r.format, ascending);
            case NAME -> strings(r -> r.name, ascending);
            case EXPERIMENT -> strings(r -> r.experiment, ascending);
            case STATUS -> strings(r -> r.status, ascending);
            case TWIN_GROUP -> strings(r -> r.twin, ascending);
            case START -> longs(r -> r.start, ascending);
            case DURATION -> longs(r -> r.duration, ascending);
            case METRIC -> metric(metricIndex.getOrDefault(key.metric(), -1), ascending);
        };
    }

    /** Empty strings (unknown) last in both directions. */
    private static Comparator<Row> strings(java.util.function.Function<Row, String> field, boolean ascending) {
        return (x, y) -> {
            String a = field.apply(x);
            String b = field.apply(y);
            if (a.isEmpty() || b.isEmpty()) {
                return Boolean.compare(a.isEmpty(), b.isEmpty());
            }
            return ascending ? a.compareTo(b) : b.compareTo(a);
        };
    }

    private static Comparator<Row> longs(java.util.function.ToLongFunction<Row> field, boolean ascending) {
        return (x, y) -> {
            long a = field.applyAsLong(x);
            long b = field.applyAsLong(y);
            if (a == UNKNOWN || b == UNKNOWN) {
                return Boolean.compare(a == UNKNOWN, b == UNKNOWN);
            }
            return ascending ? Long.compare(a, b) : Long.compare(b, a);
        };
    }

    /** Missing values (NaN) last in both directions. */
    private static Comparator<Row> metric(int index, boolean ascending) {
        if (index < 0) {
            return (x, y) -> 0;
        }
        return (x, y) -> {
            double a = x.metrics[index];
            double b = y.metrics[index];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
            }
            return ascending ? Double.compare(a, b) : Double.compare(b, a);
        };
    }

    private record Row(int index, RunSummary run, String format, String name, String experiment, String status, long start,
                       long duration, String twin, double[] metrics, String haystack) {
    }
}
