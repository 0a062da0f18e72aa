package org.reprodiff.diff;

import org.reprodiff.model.MetricSeries;

/**
 * Compares one metric's curve in two runs, always on the raw points, and says where they first diverge.
 *
 * <p>Each side's points are put on an axis of positions by {@link DiffOptions#alignment()}:
 * <ul>
 *   <li>{@code STEP}: the logged step. When a step repeats on one side, the <b>last value logged at that step</b>
 *       is the one compared (a resumed run that re-logs a step overrides what it logged before).</li>
 *   <li>{@code INDEX}: the point's index in logging order.</li>
 *   <li>{@code WALL_TIME}: the wall time in epoch ms; points without a wall time are skipped. Points sharing a
 *       millisecond resolve like repeated steps: the last logged wins.</li>
 *   <li>{@code RELATIVE_TIME}: the wall time minus that side's first recorded wall time (in logging order), so
 *       runs started at different times line up; points without a wall time are skipped.</li>
 * </ul>
 * The two axes are walked together in one sort-merge pass. A side whose positions are already non-decreasing
 * (the usual case) is read in place; only an out-of-order side is copied and stably sorted, which keeps the
 * logging order among equal positions and so keeps the "last logged wins" rule. Nothing is boxed per point.
 *
 * <p>Positions present on one side only (unequal step grids, a shorter curve) are not divergences, but they make
 * the curves not {@code identical}. A pair is divergent by {@link DiffOptions#diverges(double, double)}: NaN on
 * one side only diverges, NaN on both does not, an infinity equals only itself. {@code maxAbsDiff} counts only
 * pairs that are finite on both sides. The {@code spread} is left null for the caller to fill.
 *
 * <p>Stateless and thread-safe.
 */
public final class CurveDiffer {

    private static final double[] NO_VALUES = new double[0];
    private static final Axis EMPTY = new Axis(new long[0], NO_VALUES, 0);

    /**
     * Compares {@code a} with {@code b}; either may be null when the metric is absent on that side.
     *
     * <p>When both sides are absent or empty, nothing differs and the result says {@code identical}.
     */
    public MetricDiff compare(String key, MetricSeries a, MetricSeries b, DiffOptions options) {
        DiffOptions.Alignment alignment = options.alignment();
        Pairs pairs = new Pairs(options);
        boolean sameGrid;
        if (alignment == DiffOptions.Alignment.INDEX) {
            double[] va = a == null ? NO_VALUES : a.values();
            double[] vb = b == null ? NO_VALUES : b.values();
            int n = Math.min(va.length, vb.length);
            for (int i = 0; i < n; i++) {
                pairs.add(i, va[i], vb[i]);
            }
            sameGrid = va.length == vb.length;
        } else {
            sameGrid = merge(axis(a, alignment), axis(b, alignment), pairs);
        }

        int pointsA = a == null ? 0 : a.size();
        int pointsB = b == null ? 0 : b.size();
        boolean identical = sameGrid && pairs.sameBits && pointsA == pointsB;
        Long maxAbsDiffStep = Double.isNaN(pairs.maxAbsDiff) ? null : pairs.maxAbsDiffPosition;
        return new MetricDiff(key, pointsA, pointsB, pairs.common, identical, pairs.firstDivergence,
                pairs.maxAbsDiff, maxAbsDiffStep, lastValue(a), lastValue(b), endsEarly(a, b), isSystemMetric(key), null);
    }

    /** Whether one curve's last step lies more than one logging interval (the larger average gap) before the other's. */
    static boolean endsEarly(MetricSeries a, MetricSeries b) {
        if (a == null || b == null || a.size() == 0 || b.size() == 0) {
            return false;
        }
        double interval = Math.max(averageGap(a), averageGap(b));
        return Math.abs((double) a.lastStep() - b.lastStep()) > interval;
    }

    private static double averageGap(MetricSeries s) {
        return s.size() < 2 ? 0 : Math.abs((double) s.lastStep() - s.firstStep()) / (s.size() - 1);
    }

    /**
     * Walks two sorted axes together, feeding each common position's pair (the last point at that position on
     * each side) to {@code pairs}. Returns whether both sides have exactly the same set of positions.
     */
    private static boolean merge(Axis x, Axis y, Pairs pairs) {
        long[] px = x.positions;
        long[] py = y.positions;
        double[] vx = x.values;
        double[] vy = y.values;
        long ox = x.origin;
        long oy = y.origin;
        int nx = px.length;
        int ny = py.length;
        int i = 0;
        int j = 0;
        boolean sameGrid = true;
        while (i < nx && j < ny) {
            long p = px[i] - ox;
            long q = py[j] - oy;
            if (p < q) {
                sameGrid = false;
                i++;
            } else if (q < p) {
                sameGrid = false;
                j++;
            } else {
                while (i + 1 < nx && px[i + 1] == px[i]) {
                    i++;
                }
                while (j + 1 < ny && py[j + 1] == py[j]) {
                    j++;
                }
                pairs.add(p, vx[i], vy[j]);
                i++;
                j++;
            }
        }
        return sameGrid && i == nx && j == ny;
    }

    /**
     * Whether a key is a tracker's own metric rather than the user's: keys under {@code system/} or
     * {@code system.} (MLflow, W&B system metrics), and W&B's {@code _runtime}, {@code _timestamp}, {@code _step}
     * and {@code _wandb…}. Such metrics never decide a verdict.
     */
    public static boolean isSystemMetric(String key) {
        if (key == null) {
            return false;
        }
        return key.startsWith("system/") || key.startsWith("system.") || key.startsWith("_wandb")
                || key.equals("_runtime") || key.equals("_timestamp") || key.equals("_step");
    }

    private static double lastValue(MetricSeries s) {
        return s == null ? Double.NaN : s.last();
    }

    private static Axis axis(MetricSeries s, DiffOptions.Alignment alignment) {
        if (s == null || s.size() == 0) {
            return EMPTY;
        }
        return switch (alignment) {
            case INDEX -> throw new IllegalArgumentException("INDEX pairs points by index, without an axis");
            case STEP -> sortedIfNeeded(s.steps(), s.values(), 0);
            case WALL_TIME -> timeAxis(s, false);
            case RELATIVE_TIME -> timeAxis(s, true);
        };
    }

    private static Axis timeAxis(MetricSeries s, boolean relative) {
        long[] times = s.wallTimes();
        double[] values = s.values();
        int recorded = 0;
        long first = MetricSeries.NO_TIME;
        for (long t : times) {
            if (t != MetricSeries.NO_TIME) {
                if (recorded == 0) {
                    first = t;
                }
                recorded++;
            }
        }
        long origin = relative && recorded > 0 ? first : 0;
        if (recorded == times.length) {
            return sortedIfNeeded(times, values, origin);
        }
        long[] keptTimes = new long[recorded];
        double[] keptValues = new double[recorded];
        int k = 0;
        for (int n = 0; n < times.length; n++) {
            if (times[n] != MetricSeries.NO_TIME) {
                keptTimes[k] = times[n];
                keptValues[k] = values[n];
                k++;
            }
        }
        return sortedIfNeeded(keptTimes, keptValues, origin);
    }

    /** The positions as given when they are non-decreasing, else a stably sorted copy. */
    private static Axis sortedIfNeeded(long[] positions, double[] values, long origin) {
        for (int n = 1; n < positions.length; n++) {
            if (positions[n] < positions[n - 1]) {
                long[] p = positions.clone();
                double[] v = values.clone();
                stableSort(p, v);
                return new Axis(p, v, origin);
            }
        }
        return new Axis(positions, values, origin);
    }

    /**
     * Sorts {@code positions} with {@code values} alongside, keeping logging order among equal positions: a merge
     * sort over the natural non-decreasing runs, so a resumed run (a few sorted stretches) costs a few linear
     * passes.
     */
    private static void stableSort(long[] positions, double[] values) {
        int size = positions.length;
        int[] starts = new int[size + 1];
        int runs = 0;
        starts[runs++] = 0;
        for (int n = 1; n < size; n++) {
            if (positions[n] < positions[n - 1]) {
                starts[runs++] = n;
            }
        }
        starts[runs] = size;
        long[] ps = positions;
        double[] vs = values;
        long[] pd = new long[size];
        double[] vd = new double[size];
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int lo = starts[r];
                int mid = starts[Math.min(r + 1, runs)];
                int hi = starts[Math.min(r + 2, runs)];
                int l = lo;
                int m = mid;
                int k = lo;
                while (l < mid && m < hi) {
                    if (ps[m] < ps[l]) {
                        pd[k] = ps[m];
                        vd[k++] = vs[m++];
                    } else {
                        pd[k] = ps[l];
                        vd[k++] = vs[l++];
                    }
                }
                System.arraycopy(ps, l, pd, k, mid - l);
                System.arraycopy(vs, l, vd, k, mid - l);
                k += mid - l;
                System.arraycopy(ps, m, pd, k, hi - m);
                System.arraycopy(vs, m, vd, k, hi - m);
                starts[merged++] = lo;
            }
            starts[merged] = size;
            runs = merged;
            long[] pt = ps;
            ps = pd;
            pd = pt;
            double[] vt = vs;
            vs = vd;
            vd = vt;
        }
        if (ps != positions) {
            System.arraycopy(ps, 0, positions, 0, size);
            System.arraycopy(vs, 0, values, 0, size);
        }
    }

    /**
     * One side's points in non-decreasing position order, {@code positions} and {@code values} of equal length;
     * the aligned position of point {@code n} is {@code positions[n] - origin}.
     */
    private record Axis(long[] positions, double[] values, long origin) {
    }

    /** Accumulates the pairs at common positions, visited in increasing position order. */
    private static final class Pairs {
        private final DiffOptions options;
        int common;
        boolean sameBits = true;
        Long firstDivergence;
        double maxAbsDiff = Double.NaN;
        long maxAbsDiffPosition;

        Pairs(DiffOptions options) {
            this.options = options;
        }

        void add(long position, double va, double vb) {
            common++;
            if (Double.doubleToLongBits(va) == Double.doubleToLongBits(vb)) {
                // equal bits never diverge and differ by 0 when finite
                if (Double.isNaN(maxAbsDiff) && Double.isFinite(va)) {
                    maxAbsDiff = 0.0;
                    maxAbsDiffPosition = position;
                }
                return;
            }
            sameBits = false;
            if (firstDivergence == null && options.diverges(va, vb)) {
                firstDivergence = position;
            }
            if (Double.isFinite(va) && Double.isFinite(vb)) {
                double d = Math.abs(va - vb);
                if (Double.isNaN(maxAbsDiff) || d > maxAbsDiff) {
                    maxAbsDiff = d;
                    maxAbsDiffPosition = position;
                }
            }
        }
    }
}
