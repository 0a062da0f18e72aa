package org.reprodiff.diff;

/**
 * The comparison of one metric. {@code pointsA}/{@code pointsB} count the raw points on each side (0 where the
 * metric is absent); {@code commonSteps} counts aligned positions present on both sides; {@code identical} means
 * both curves have the same aligned positions with bit-identical values; {@code firstDivergenceStep} is the step
 * (or aligned position) of the first pair beyond tolerance (null when none); {@code maxAbsDiff} is the largest
 * |a−b| over common finite pairs (NaN when there are none) at {@code maxAbsDiffStep}; {@code finalA}/{@code finalB}
 * are each side's last raw value (NaN when absent). {@code system} marks a tracker's own metric, which never
 * decides a verdict. {@code endsEarly} means one curve stops more than one logging interval (the larger average
 * step gap of the two) before the other: a stopped or crashed run, not just a sparser grid. {@code spread} is
 * the seed-to-seed spread of the final value in A's twin group, or null.
 */
public record MetricDiff(String key, int pointsA, int pointsB, int commonSteps, boolean identical,
                         Long firstDivergenceStep, double maxAbsDiff, Long maxAbsDiffStep, double finalA,
                         double finalB, boolean endsEarly, boolean system, SeedSpread spread) {

    public boolean onlyInA() {
        return pointsB == 0 && pointsA > 0;
    }

    public boolean onlyInB() {
        return pointsA == 0 && pointsB > 0;
    }

    /** Whether the curves differ in a way that counts as a different result. */
    public boolean diverges() {
        return firstDivergenceStep != null || endsEarly || onlyInA() || onlyInB();
    }

    public MetricDiff withSpread(SeedSpread s) {
        return new MetricDiff(key, pointsA, pointsB, commonSteps, identical, firstDivergenceStep, maxAbsDiff,
                maxAbsDiffStep, finalA, finalB, endsEarly, system, s);
    }
}
