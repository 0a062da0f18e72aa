package org.reprodiff.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.MetricSeries;

class CurveDifferTest {

    private static final long NO = MetricSeries.NO_TIME;
    private final CurveDiffer differ = new CurveDiffer();

    /** A series at the given steps with no wall times. */
    private static MetricSeries series(long[] steps, double... values) {
        long[] times = new long[steps.length];
        Arrays.fill(times, NO);
        return new MetricSeries("loss", steps, values, times);
    }

    /** A series at steps 0, 1, 2, ... */
    private static MetricSeries series(double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return series(steps, values);
    }

    private static MetricSeries timed(long[] times, double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return new MetricSeries("loss", steps, values, times);
    }

    private static DiffOptions aligned(DiffOptions.Alignment alignment) {
        return new DiffOptions(DiffOptions.DEFAULT_RTOL, DiffOptions.DEFAULT_ATOL, List.of(), alignment);
    }

    private MetricDiff compare(MetricSeries a, MetricSeries b) {
        return differ.compare("loss", a, b, DiffOptions.DEFAULTS);
    }

    @Test
    void identicalCurvesAreIdenticalWithNoDivergence() {
        MetricDiff d = compare(series(2.5, 1.25, 0.75), series(2.5, 1.25, 0.75));

        assertTrue(d.identical());
        assertNull(d.firstDivergenceStep());
        assertFalse(d.diverges());
        assertEquals(3, d.pointsA());
        assertEquals(3, d.pointsB());
        assertEquals(3, d.commonSteps());
        assertEquals(0.0, d.maxAbsDiff());
        assertEquals(0L, d.maxAbsDiffStep());
        assertEquals(0.75, d.finalA());
        assertEquals(0.75, d.finalB());
        assertFalse(d.system());
        assertNull(d.spread());
    }

    @Test
    void reportsTheExactStepOfALateDivergence() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1.0 / (i + 1);
            b[i] = a[i];
        }
        b[997] = a[997] + 0.5;
        b[999] = a[999] + 0.5;

        MetricDiff d = compare(series(a), series(b));

        assertEquals(997L, d.firstDivergenceStep());
        assertFalse(d.identical());
        assertTrue(d.diverges());
        assertEquals(1000, d.commonSteps());
    }

    // Tolerance 0.5 + 0.25·max(|a|,|b|): for a = 4 the bound is crossed at b = 6 (|b−a| = 2 = 0.5 + 0.25·6).

    @Test
    void differenceJustInsideToleranceDoesNotDiverge() {
        DiffOptions options = new DiffOptions(0.25, 0.5, List.of(), DiffOptions.Alignment.STEP);

        // |5.999 − 4| = 1.999 ≤ 0.5 + 0.25·5.999 = 1.99975
        MetricDiff d = differ.compare("loss", series(4.0), series(5.999), options);

        assertNull(d.firstDivergenceStep());
        assertFalse(d.identical());
    }

    @Test
    void differenceJustOutsideToleranceDiverges() {
        DiffOptions options = new DiffOptions(0.25, 0.5, List.of(), DiffOptions.Alignment.STEP);

        // step 0: |6 − 4| = 2 = 0.5 + 0.25·6, at the bound: passes
        // step 1: |6.001 − 4| = 2.001 > 0.5 + 0.25·6.001 = 2.00025: diverges
        MetricDiff d = differ.compare("loss", series(4.0, 4.0), series(6.0, 6.001), options);

        assertEquals(1L, d.firstDivergenceStep());
    }

    @Test
    void nanOnOneSideIsADivergenceAtThatStep() {
        MetricDiff d = compare(series(1.0, 0.5, 0.25), series(1.0, Double.NaN, 0.25));

        assertEquals(1L, d.firstDivergenceStep());
        assertTrue(d.diverges());
        // the NaN pair is not a finite pair, so the largest difference is 0 (first at step 0)
        assertEquals(0.0, d.maxAbsDiff());
        assertEquals(0L, d.maxAbsDiffStep());
    }

    @Test
    void nanOnBothSidesIsNotADivergence() {
        MetricDiff d = compare(series(1.0, Double.NaN, 0.25), series(1.0, Double.NaN, 0.25));

        assertNull(d.firstDivergenceStep());
        assertTrue(d.identical());
    }

    @Test
    void positiveInfinityEqualsPositiveInfinity() {
        MetricDiff d = compare(series(1.0, Double.POSITIVE_INFINITY), series(1.0, Double.POSITIVE_INFINITY));

        assertNull(d.firstDivergenceStep());
        assertTrue(d.identical());
        assertEquals(Double.POSITIVE_INFINITY, d.finalA());
        // only step 0 is a finite pair
        assertEquals(0.0, d.maxAbsDiff());
        assertEquals(0L, d.maxAbsDiffStep());
    }

    @Test
    void infinityAgainstAFiniteValueDivergesButIsLeftOutOfMaxAbsDiff() {
        MetricDiff d = compare(series(1.0, Double.POSITIVE_INFINITY), series(1.5, 7.0));

        assertEquals(0L, d.firstDivergenceStep());
        assertEquals(0.5, d.maxAbsDiff());
        assertEquals(0L, d.maxAbsDiffStep());
    }

    @Test
    void negativeZeroIsNotBitIdenticalButDoesNotDiverge() {
        MetricDiff d = compare(series(0.0), series(-0.0));

        assertFalse(d.identical());
        assertNull(d.firstDivergenceStep());
    }

    @Test
    void unequalStepGridsCountOnlyCommonStepsAndDoNotDiverge() {
        // A logs every step 0..20, B every 10th; both log step/2
        double[] a = new double[21];
        for (int i = 0; i < a.length; i++) {
            a[i] = i / 2.0;
        }
        MetricSeries b = series(new long[] {0, 10, 20}, 0.0, 5.0, 10.0);

        MetricDiff d = compare(series(a), b);

        assertEquals(21, d.pointsA());
        assertEquals(3, d.pointsB());
        assertEquals(3, d.commonSteps());
        assertNull(d.firstDivergenceStep());
        assertFalse(d.identical());
        assertFalse(d.diverges());
    }

    @Test
    void longerCurveIsNotIdenticalButDoesNotDiverge() {
        MetricDiff d = compare(series(3.0, 2.0, 1.0), series(3.0, 2.0));

        assertEquals(2, d.commonSteps());
        assertFalse(d.identical());
        assertNull(d.firstDivergenceStep());
        assertEquals(1.0, d.finalA());
        assertEquals(2.0, d.finalB());
    }

    @Test
    void repeatedStepUsesTheLastValueLogged() {
        // step 1 logged twice on A: 9.0 then 2.0; the 2.0 is compared
        MetricSeries a = series(new long[] {0, 1, 1, 2}, 1.0, 9.0, 2.0, 3.0);
        MetricSeries b = series(new long[] {0, 1, 2}, 1.0, 2.0, 3.0);

        MetricDiff d = compare(a, b);

        assertNull(d.firstDivergenceStep());
        assertEquals(3, d.commonSteps());
        assertEquals(4, d.pointsA());
        assertFalse(d.identical(), "different raw point counts");
    }

    @Test
    void stepLoggedAgainAfterGoingBackUsesTheLastValueLogged() {
        // a resumed run goes back to step 1: the 2.0 logged last at step 1 is compared, not the 9.0
        MetricSeries a = series(new long[] {0, 1, 2, 1}, 1.0, 9.0, 3.0, 2.0);
        MetricSeries b = series(new long[] {0, 1, 2}, 1.0, 2.0, 3.0);

        MetricDiff d = compare(a, b);

        assertNull(d.firstDivergenceStep());
        assertEquals(3, d.commonSteps());
        assertEquals(2.0, d.finalA(), "final value is the last raw value, not the one at the highest step");
    }

    @Test
    void outOfOrderStepsAreSortedKeepingTheLastValueLogged() {
        // A logs step 3 first (9.0) and last (3.0); sorted, A is 0:0, 1:1, 2:2, 3:3.0
        MetricSeries a = series(new long[] {3, 1, 2, 0, 3}, 9.0, 1.0, 2.0, 0.0, 3.0);
        MetricSeries b = series(new long[] {0, 1, 2, 3}, 0.0, 1.0, 2.0, 9.0);

        MetricDiff d = compare(a, b);

        assertEquals(4, d.commonSteps());
        assertEquals(3L, d.firstDivergenceStep());
        assertEquals(6.0, d.maxAbsDiff());
        assertEquals(3L, d.maxAbsDiffStep());
    }

    @Test
    void metricPresentOnOneSideOnly() {
        MetricDiff d = compare(series(1.0, 0.5, 0.25), null);

        assertEquals(3, d.pointsA());
        assertEquals(0, d.pointsB());
        assertEquals(0, d.commonSteps());
        assertTrue(Double.isNaN(d.finalB()));
        assertEquals(0.25, d.finalA());
        assertTrue(d.onlyInA());
        assertTrue(d.diverges());
        assertFalse(d.identical());
        assertNull(d.firstDivergenceStep());
        assertTrue(Double.isNaN(d.maxAbsDiff()));
        assertNull(d.maxAbsDiffStep());
    }

    @Test
    void indexAlignmentPairsPointsByPosition() {
        MetricSeries a = series(new long[] {0, 1, 2}, 1.0, 2.0, 3.0);
        MetricSeries b = series(new long[] {100, 200, 300}, 1.0, 2.0, 3.5);

        MetricDiff byStep = compare(a, b);
        MetricDiff byIndex = differ.compare("loss", a, b, aligned(DiffOptions.Alignment.INDEX));

        assertEquals(0, byStep.commonSteps());
        assertEquals(3, byIndex.commonSteps());
        assertEquals(2L, byIndex.firstDivergenceStep());
        assertEquals(0.5, byIndex.maxAbsDiff());
        assertEquals(2L, byIndex.maxAbsDiffStep());
    }

    @Test
    void relativeTimeAlignmentLinesUpRunsStartedAtDifferentTimes() {
        MetricSeries a = timed(new long[] {1_000, 2_000, 3_000}, 1.0, 2.0, 3.0);
        MetricSeries b = timed(new long[] {50_000, 51_000, 52_000}, 1.0, 2.0, 4.0);

        MetricDiff d = differ.compare("loss", a, b, aligned(DiffOptions.Alignment.RELATIVE_TIME));

        assertEquals(3, d.commonSteps());
        assertEquals(2_000L, d.firstDivergenceStep());
        assertEquals(1.0, d.maxAbsDiff());
        assertEquals(2_000L, d.maxAbsDiffStep());
    }

    @Test
    void wallTimeAlignmentSkipsPointsWithoutAWallTime() {
        MetricSeries a = timed(new long[] {1_000, NO, 3_000}, 1.0, 99.0, 3.0);
        MetricSeries b = timed(new long[] {1_000, 2_000, 3_000}, 1.0, 2.0, 3.0);

        MetricDiff d = differ.compare("loss", a, b, aligned(DiffOptions.Alignment.WALL_TIME));

        assertEquals(2, d.commonSteps());
        assertNull(d.firstDivergenceStep());
        assertFalse(d.identical());
    }

    @Test
    void maxAbsDiffIsTheLargestFiniteDifferenceAtItsStep() {
        MetricSeries a = series(new long[] {0, 10, 20, 30, 40}, 1.0, 2.0, 3.0, 4.0, Double.NaN);
        MetricSeries b = series(new long[] {0, 10, 20, 30, 40}, 1.0, 2.5, 1.0, 4.25, 100.0);

        MetricDiff d = compare(a, b);

        // differences 0, 0.5, 2, 0.25 and the NaN pair left out
        assertEquals(2.0, d.maxAbsDiff());
        assertEquals(20L, d.maxAbsDiffStep());
        assertEquals(10L, d.firstDivergenceStep());
    }

    @Test
    void detectsTrackerSystemMetrics() {
        assertTrue(CurveDiffer.isSystemMetric("system/gpu_0_utilization_percentage"));
        assertTrue(CurveDiffer.isSystemMetric("system.gpu.0.gpu"));
        assertTrue(CurveDiffer.isSystemMetric("_runtime"));
        assertTrue(CurveDiffer.isSystemMetric("_timestamp"));
        assertTrue(CurveDiffer.isSystemMetric("_step"));
        assertTrue(CurveDiffer.isSystemMetric("_wandb.runtime"));

        assertFalse(CurveDiffer.isSystemMetric("loss"));
        assertFalse(CurveDiffer.isSystemMetric("systematic_error"));
        assertFalse(CurveDiffer.isSystemMetric("train/system/loss"));
        assertFalse(CurveDiffer.isSystemMetric("_runtime_budget"));
    }

    @Test
    void marksTheDiffOfASystemMetric() {
        MetricDiff d = differ.compare("system/cpu_utilization_percentage", series(10.0), series(90.0),
                DiffOptions.DEFAULTS);

        assertTrue(d.system());
        assertEquals(0L, d.firstDivergenceStep());
    }
}
