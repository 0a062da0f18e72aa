package org.reprodiff.chart;

import java.util.Arrays;

/**
 * Reusable primitive arrays that one drawn line is decimated into, so that redrawing on every pan or zoom frame
 * allocates nothing once the arrays have grown to fit. Entry {@code i < size()} is the point ({@code x[i]},
 * {@code y[i]}); a NaN {@code y} is a break in the line (a gap where the curve held NaN or ±Inf, or a value that a
 * log scale cannot show), with {@code x} at the first such point. The counters describe the last
 * {@link CurveSampler#sample} into this buffer: {@code inRange} raw points were looked at, {@code drawn} of them
 * are in the buffer, {@code nonFinite} were NaN/±Inf and {@code nonPositive} were finite but ≤ 0 on a log scale.
 * Not thread-safe: one buffer belongs to one drawing.
 */
public final class SampleBuffer {
    double[] x;
    double[] y;
    int size;
    int inRange;
    int drawn;
    int nonFinite;
    int nonPositive;

    public SampleBuffer() {
        this(64);
    }

    public SampleBuffer(int capacity) {
        x = new double[Math.max(4, capacity)];
        y = new double[x.length];
    }

    void clear() {
        size = 0;
        inRange = 0;
        drawn = 0;
        nonFinite = 0;
        nonPositive = 0;
    }

    void ensure(int capacity) {
        if (capacity > x.length) {
            int cap = Math.max(capacity, x.length * 2);
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
        }
    }

    void point(double px, double py) {
        x[size] = px;
        y[size++] = py;
        drawn++;
    }

    /** A break in the line at {@code px}; consecutive breaks collapse into one. */
    void gap(double px) {
        if (size > 0 && Double.isNaN(y[size - 1])) {
            return;
        }
        x[size] = px;
        y[size++] = Double.NaN;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public int inRange() {
        return inRange;
    }

    public int drawn() {
        return drawn;
    }

    public int nonFinite() {
        return nonFinite;
    }

    public int nonPositive() {
        return nonPositive;
    }

    /** The buffer's points as an immutable-by-convention {@link SampledCurve} of {@code total} raw points. */
    public SampledCurve toCurve(int total) {
        return new SampledCurve(Arrays.copyOf(x, size), Arrays.copyOf(y, size), total, nonFinite);
    }
}
