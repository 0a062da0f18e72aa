package org.reprodiff.chart;

import java.util.Arrays;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.model.MetricSeries;

/**
 * One side's curve on the axis the comparison used (see {@code CurveDiffer}): positions ascending, one value per
 * position (the last one logged there), so the chart draws exactly the pairs the diff compared. {@code x} is the
 * position as plotted: steps and indexes as they are, times in seconds (wall time since {@code origin}, the
 * earlier start of the two runs; relative time since the run's own first point). {@code source[i]} is the index in
 * the series of the point kept at {@code positions[i]} (for a delta: the index in A's series).
 */
record AlignedCurve(long[] positions, double[] values, int raw, int[] source) {
    static final AlignedCurve EMPTY = new AlignedCurve(new long[0], new double[0], 0, new int[0]);

    /** The curve of {@code s} (null or empty: {@link #EMPTY}) aligned as {@code alignment} says. */
    static AlignedCurve of(MetricSeries s, Alignment alignment) {
        if (s == null || s.size() == 0) {
            return EMPTY;
        }
        int n = s.size();
        long[] pos = new long[n];
        double[] val = new double[n];
        int[] src = new int[n];
        int k = 0;
        long first = MetricSeries.NO_TIME;
        for (int i = 0; i < n; i++) {
            long p;
            switch (alignment) {
                case INDEX -> p = i;
                case STEP -> p = s.steps()[i];
                default -> {
                    p = s.wallTimes()[i];
                    if (p == MetricSeries.NO_TIME) {
                        continue;
                    }
                    if (first == MetricSeries.NO_TIME) {
                        first = p;
                    }
                    if (alignment == Alignment.RELATIVE_TIME) {
                        p -= first;
                    }
                }
            }
            pos[k] = p;
            src[k] = i;
            val[k++] = s.values()[i];
        }
        return lastPerPosition(pos, val, src, k, n);
    }

    /** Sorts stably by position and keeps the last value logged at each position. */
    private static AlignedCurve lastPerPosition(long[] pos, double[] val, int[] src, int k, int raw) {
        boolean sorted = true;
        for (int i = 1; i < k && sorted; i++) {
            sorted = pos[i] > pos[i - 1];
        }
        if (sorted) {
            return new AlignedCurve(Arrays.copyOf(pos, k), Arrays.copyOf(val, k), raw, Arrays.copyOf(src, k));
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Long.compare(pos[i], pos[j]));
        long[] p = new long[k];
        double[] v = new double[k];
        int[] s = new int[k];
        int m = 0;
        for (int i = 0; i < k; i++) {
            int at = order[i];
            if (m > 0 && p[m - 1] == pos[at]) {
                v[m - 1] = val[at];
                s[m - 1] = src[at];
            } else {
                p[m] = pos[at];
                s[m] = src[at];
                v[m++] = val[at];
            }
        }
        return new AlignedCurve(Arrays.copyOf(p, m), Arrays.copyOf(v, m), raw, Arrays.copyOf(s, m));
    }

    int size() {
        return positions.length;
    }

    long firstPosition() {
        return positions.length == 0 ? Long.MAX_VALUE : positions[0];
    }

    /** The plotted x of each position. */
    double[] x(ChartAxis axis) {
        double[] x = new double[positions.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = axis.x(positions[i]);
        }
        return x;
    }

    /** B − A at every position present on both sides; NaN where either value is not finite. */
    static AlignedCurve delta(AlignedCurve a, AlignedCurve b) {
        int n = Math.min(a.size(), b.size());
        long[] p = new long[n];
        double[] v = new double[n];
        int[] s = new int[n];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.size() && j < b.size()) {
            long pa = a.positions[i];
            long pb = b.positions[j];
            if (pa < pb) {
                i++;
            } else if (pb < pa) {
                j++;
            } else {
                s[k] = a.source[i];
                double va = a.values[i++];
                double vb = b.values[j++];
                p[k] = pa;
                v[k++] = Double.isFinite(va) && Double.isFinite(vb) ? vb - va : Double.NaN;
            }
        }
        return new AlignedCurve(Arrays.copyOf(p, k), Arrays.copyOf(v, k), k, Arrays.copyOf(s, k));
    }
}
