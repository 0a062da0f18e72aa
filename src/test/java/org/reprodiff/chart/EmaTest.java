package org.reprodiff.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** TensorBoard's debiased exponential moving average, checked against values worked out by hand. */
class EmaTest {

    @Test
    void debiasesTheStartOfTheAverage() {
        // w = 0.5: last = 0.5, 1.25, 2.125; debias = 1 - 0.5^k = 0.5, 0.75, 0.875
        double[] s = Ema.smooth(new double[] {1, 2, 3}, 0.5);
        assertEquals(1.0, s[0], 1e-15);
        assertEquals(5.0 / 3, s[1], 1e-15);
        assertEquals(17.0 / 7, s[2], 1e-15);
    }

    @Test
    void passesNonFiniteValuesThroughWithoutCountingThem() {
        // the NaN is skipped: the 3 is the second value averaged, last = 0.25 + 1.5, debias 0.75
        double[] s = Ema.smooth(new double[] {1, Double.NaN, 3, Double.NEGATIVE_INFINITY}, 0.5);
        assertEquals(1.0, s[0], 1e-15);
        assertEquals(Double.NaN, s[1]);
        assertEquals(7.0 / 3, s[2], 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, s[3]);
    }

    @Test
    void weightZeroAndConstantCurvesAreLeftAlone() {
        assertArrayEquals(new double[] {3, 1, 2}, Ema.smooth(new double[] {3, 1, 2}, 0));
        assertArrayEquals(new double[] {4, 4, 4}, Ema.smooth(new double[] {4, 4, 4}, 0.9));
    }

    @Test
    void weightOneHoldsTheFirstValue() {
        assertArrayEquals(new double[] {2, 2, Double.NaN, 2}, Ema.smooth(new double[] {2, 7, Double.NaN, 9}, 1));
    }

    @Test
    void smoothsInPlace() {
        double[] y = {1, 2, 3};
        Ema.smooth(y, 0.5, y);
        assertEquals(17.0 / 7, y[2], 1e-15);
    }
}
