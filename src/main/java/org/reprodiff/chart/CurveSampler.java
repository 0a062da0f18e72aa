package org.reprodiff.chart;

/**
 * Decimates a curve for drawing without losing a spike (M4): the visible x range is cut into one column per pixel
 * and each column keeps, in x order, its <b>first, lowest, highest and last</b> point. Those four points draw the
 * same pixels as all the column's points, so every spike shows. A range with no more than four points per column
 * is drawn whole. NaN and ±Inf are never drawn: they break the line (a gap) and are counted; on a log scale,
 * values ≤ 0 do the same. Only drawing uses the result: every number in a diff comes from the raw points.
 *
 * <p>Cost: one pass over the points in the visible range, no allocation once the {@link SampleBuffer} has grown.
 * Stateless and thread-safe.
 */
public final class CurveSampler {
    private static final int NONE = -1;

    /** Samples a whole curve ({@code x} non-decreasing) to {@code columns} columns into a new {@link SampledCurve}. */
    public SampledCurve sample(double[] x, double[] y, int columns) {
        SampleBuffer out = new SampleBuffer();
        int n = x.length;
        double x0 = n == 0 ? 0 : x[0];
        double x1 = n == 0 ? 0 : x[n - 1];
        sample(x, y, 0, n, x0, x1, columns, false, out);
        return out.toCurve(n);
    }

    /**
     * Samples points {@code from} (inclusive) to {@code to} (exclusive) of a curve whose {@code x} is non-decreasing
     * into {@code out}, one column per {@code (x1 - x0) / columns} of x; points outside [x0, x1] fall into the first
     * or last column. With {@code positiveOnly} (a log scale) values ≤ 0 are gaps too.
     */
    public void sample(double[] x, double[] y, int from, int to, double x0, double x1, int columns, boolean positiveOnly,
                       SampleBuffer out) {
        out.clear();
        int cols = Math.max(1, columns);
        int n = Math.max(0, to - from);
        out.inRange = n;
        if (n <= 4L * cols) {
            out.ensure(n);
            for (int i = from; i < to; i++) {
                double v = y[i];
                if (drawable(v, positiveOnly)) {
                    out.point(x[i], v);
                } else {
                    count(v, out);
                    out.gap(x[i]);
                }
            }
            return;
        }
        out.ensure(5 * cols + 2);
        double scale = x1 > x0 ? cols / (x1 - x0) : 0;
        int column = Integer.MIN_VALUE;
        int first = NONE;
        int lo = NONE;
        int hi = NONE;
        int last = NONE;
        int gap = NONE;
        for (int i = from; i < to; i++) {
            int c = (int) ((x[i] - x0) * scale);
            c = c < 0 ? 0 : c >= cols ? cols - 1 : c;
            if (c != column) {
                flush(x, y, first, lo, hi, last, gap, out);
                column = c;
                first = NONE;
                lo = NONE;
                hi = NONE;
                last = NONE;
                gap = NONE;
            }
            double v = y[i];
            if (drawable(v, positiveOnly)) {
                if (first == NONE) {
                    first = i;
                    lo = i;
                    hi = i;
                } else if (v < y[lo]) {
                    lo = i;
                } else if (v > y[hi]) {
                    hi = i;
                }
                last = i;
            } else {
                count(v, out);
                if (gap == NONE) {
                    gap = i;
                }
            }
        }
        flush(x, y, first, lo, hi, last, gap, out);
    }

    private static boolean drawable(double v, boolean positiveOnly) {
        return Double.isFinite(v) && (!positiveOnly || v > 0);
    }

    private static void count(double v, SampleBuffer out) {
        if (Double.isFinite(v)) {
            out.nonPositive++;
        } else {
            out.nonFinite++;
        }
    }

    /** Writes one column's kept points (and its first gap) in index order, each index once. */
    private static void flush(double[] x, double[] y, int first, int lo, int hi, int last, int gap, SampleBuffer out) {
        if (first == NONE) {
            if (gap != NONE) {
                out.gap(x[gap]);
            }
            return;
        }
        int pending = gap;
        pending = emit(x, y, first, NONE, pending, out);
        pending = emit(x, y, Math.min(lo, hi), first, pending, out);
        pending = emit(x, y, Math.max(lo, hi), Math.min(lo, hi), pending, out);
        pending = emit(x, y, last, Math.max(lo, hi), pending, out);
        if (pending != NONE) {
            out.gap(x[pending]);
        }
    }

    /** Emits point {@code i} unless it repeats {@code previous}, preceded by the pending gap when that comes first. */
    private static int emit(double[] x, double[] y, int i, int previous, int pendingGap, SampleBuffer out) {
        int pending = pendingGap;
        if (pending != NONE && pending < i) {
            out.gap(x[pending]);
            pending = NONE;
        }
        if (i != previous) {
            out.point(x[i], y[i]);
        }
        return pending;
    }
}
