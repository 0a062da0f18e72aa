package org.reprodiff.chart;

/**
 * A curve as it is drawn: the points kept by {@link CurveSampler} ({@code x} ascending, every {@code y} finite),
 * with how many there were. {@code total} counts the curve's points before sampling, {@code nonFinite} those of
 * them (NaN, ±Inf) that cannot be drawn. Invariant: {@code x.length == y.length == drawn() <= total}.
 */
public record SampledCurve(double[] x, double[] y, int total, int nonFinite) {
    public SampledCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y of different lengths");
        }
    }

    public int drawn() {
        return x.length;
    }

    /** Whether points were left out to fit the width (not counting non-finite ones). */
    public boolean decimated() {
        return x.length < total - nonFinite;
    }
}
