package org.reprodiff.chart;

/**
 * Decimates a curve for drawing without losing a spike: the x range is cut into one bucket per pixel and each
 * bucket keeps its lowest and its highest point (in x order), plus the curve's first and last points. A curve
 * with no more than two points per bucket is drawn whole. Non-finite values are never drawn; they are counted.
 * Only drawing uses the result: every number in a diff comes from the raw points.
 */
public final class CurveSampler {

    /** Samples points whose {@code x} is non-decreasing into at most {@code 2 * buckets + 2} points. */
    public SampledCurve sample(double[] x, double[] y, int buckets) {
        int n = x.length;
        int finite = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        int nonFinite = n - finite;
        if (finite <= 2L * Math.max(1, buckets)) {
            double[] fx = new double[finite];
            double[] fy = new double[finite];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(y[i])) {
                    fx[k] = x[i];
                    fy[k++] = y[i];
                }
            }
            return new SampledCurve(fx, fy, n, nonFinite);
        }
        return bucketed(x, y, Math.max(1, buckets), nonFinite);
    }

    private static SampledCurve bucketed(double[] x, double[] y, int buckets, int nonFinite) {
        int n = x.length;
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(y[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        double x0 = x[first];
        double width = (x[last] - x0) / buckets;
        int[] lo = new int[buckets];
        int[] hi = new int[buckets];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, -1);
        for (int i = first; i <= last; i++) {
            if (!Double.isFinite(y[i])) {
                continue;
            }
            int b = width > 0 ? (int) Math.min(buckets - 1, (x[i] - x0) / width) : 0;
            if (lo[b] < 0 || y[i] < y[lo[b]]) {
                lo[b] = i;
            }
            if (hi[b] < 0 || y[i] > y[hi[b]]) {
                hi[b] = i;
            }
        }
        int[] keep = new int[2 * buckets + 2];
        int k = 0;
        keep[k++] = first;
        keep[k++] = last;
        for (int b = 0; b < buckets; b++) {
            if (lo[b] >= 0) {
                keep[k++] = lo[b];
                keep[k++] = hi[b];
            }
        }
        int[] kept = java.util.Arrays.stream(keep, 0, k).sorted().distinct().toArray();
        double[] ox = new double[kept.length];
        double[] oy = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            ox[i] = x[kept[i]];
            oy[i] = y[kept[i]];
        }
        return new SampledCurve(ox, oy, n, nonFinite);
    }
}
