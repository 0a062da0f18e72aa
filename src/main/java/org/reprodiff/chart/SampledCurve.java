package org.reprodiff.chart;

/**
 * A curve as it is drawn: the points kept by {@link CurveSampler} ({@code x} non-decreasing), with how many there
 * were. A NaN {@code y} is a break in the line (where the curve held NaN or ±Inf); every other {@code y} is finite.
 * {@code total} counts the curve's points before sampling, {@code nonFinite} those of them (NaN, ±Inf) that cannot
 * be drawn. Invariant: {@code x.length == y.length} and {@code drawn() <= total}.
 */
public record SampledCurve(double[] x, double[] y, int total, int nonFinite) {
    public SampledCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y of different lengths");
        }
    }

    /** The number of drawn points (breaks not counted). */
    public int drawn() {
        int n = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The number of entries, points and breaks. */
    public int entries() {
        return x.length;
    }

    /** Whether points were left out to fit the width (not counting non-finite ones). */
    public boolean decimated() {
        return drawn() < total - nonFinite;
    }
}
