package org.reprodiff.chart;

/**
 * TensorBoard's smoothing: an exponential moving average with the start-up bias removed. With weight {@code w}
 * (0 = no smoothing, towards 1 = smoother) and {@code k} finite values seen so far,
 * {@code last = w·last + (1 − w)·v} and the smoothed value is {@code last / (1 − wᵏ)}, so the first smoothed value
 * equals the first raw value instead of being pulled towards 0. NaN and ±Inf pass through unchanged and do not
 * enter the average; a curve whose values are all equal is returned as it is. Pure functions, for drawing only.
 */
public final class Ema {
    private Ema() {
    }

    /** The smoothed copy of {@code values}. */
    public static double[] smooth(double[] values, double weight) {
        double[] out = new double[values.length];
        smooth(values, weight, out);
        return out;
    }

    /**
     * Writes the smoothed values of {@code values} into {@code out} (at least as long; it may be {@code values}
     * itself). {@code weight} is clamped to [0, 1]; 1 keeps the first finite value throughout.
     */
    public static void smooth(double[] values, double weight, double[] out) {
        double w = Math.max(0, Math.min(1, Double.isNaN(weight) ? 0 : weight));
        int n = values.length;
        if (w == 0 || constant(values)) {
            System.arraycopy(values, 0, out, 0, n);
            return;
        }
        double first = firstFinite(values);
        double last = 0;
        double power = 1;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            if (w == 1) {
                out[i] = first;
                continue;
            }
            last = last * w + (1 - w) * v;
            power *= w;
            out[i] = last / (1 - power);
        }
    }

    private static boolean constant(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(values[0])) {
                return false;
            }
        }
        return true;
    }

    private static double firstFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }
}
