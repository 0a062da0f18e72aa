package org.reprodiff.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric curve, in the order the tool logged it (steps may repeat or go back). Values keep NaN and the
 * infinities; {@code wallTimes} holds epoch milliseconds, or {@link #NO_TIME} where none was recorded.
 * The arrays are owned by the series: callers must not change them.
 */
public record MetricSeries(String key, long[] steps, double[] values, long[] wallTimes) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public MetricSeries {
        Objects.requireNonNull(key, "key");
        if (steps.length != values.length || steps.length != wallTimes.length) {
            throw new IllegalArgumentException("series " + key + ": arrays of different lengths");
        }
    }

    public int size() {
        return steps.length;
    }

    /** The last logged value, NaN for an empty series. */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    public long firstStep() {
        return steps.length == 0 ? 0 : steps[0];
    }

    public long lastStep() {
        return steps.length == 0 ? 0 : steps[steps.length - 1];
    }

    /** The smallest value ignoring NaN (NaN when every value is NaN). */
    public double min() {
        double m = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
                m = v;
            }
        }
        return m;
    }

    /** The largest value ignoring NaN (NaN when every value is NaN). */
    public double max() {
        double m = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSeries s && key.equals(s.key) && Arrays.equals(steps, s.steps)
                && Arrays.equals(values, s.values) && Arrays.equals(wallTimes, s.wallTimes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(steps), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "MetricSeries[" + key + ", " + size() + " points]";
    }

    /** Collects points in logging order. */
    public static final class Builder {
        private final String key;
        private long[] steps = new long[16];
        private double[] values = new double[16];
        private long[] times = new long[16];
        private int n;

        public Builder(String key) {
            this.key = key;
        }

        public Builder add(long step, double value, long wallTimeMillis) {
            if (n == steps.length) {
                int cap = n * 2;
                steps = Arrays.copyOf(steps, cap);
                values = Arrays.copyOf(values, cap);
                times = Arrays.copyOf(times, cap);
            }
            steps[n] = step;
            values[n] = value;
            times[n] = wallTimeMillis;
            n++;
            return this;
        }

        public int size() {
            return n;
        }

        public MetricSeries build() {
            return new MetricSeries(key, Arrays.copyOf(steps, n), Arrays.copyOf(values, n), Arrays.copyOf(times, n));
        }
    }
}
