package org.reprodiff.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** M4 decimation (first, min, max, last per pixel column) keeps every spike and says what it left out. */
class ChartCurveSamplerTest {
    private final CurveSampler sampler = new CurveSampler();

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void keepsEverySpikeOfAMillionPoints() {
        int n = 1_000_000;
        double[] y = new double[n];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            y[i] = random.nextGaussian() * 0.01;
        }
        int[] spikes = {17, 123_457, 500_000, 999_998};
        for (int s : spikes) {
            y[s] = 50 + s % 7;
        }
        y[777_777] = -80;
        SampledCurve c = sampler.sample(steps(n), y, 400);
        assertTrue(c.drawn() <= 1600, "at most four points per column: " + c.drawn());
        assertTrue(c.decimated());
        for (int s : spikes) {
            assertTrue(Arrays.stream(c.x()).anyMatch(x -> x == s), "spike at " + s + " kept");
        }
        assertEquals(-80, Arrays.stream(c.y()).min().orElseThrow());
        assertEquals(0, c.x()[0]);
        assertEquals(n - 1, c.x()[c.drawn() - 1]);
        for (int i = 1; i < c.drawn(); i++) {
            assertTrue(c.x()[i] > c.x()[i - 1], "x ascending");
        }
    }

    @Test
    void drawsASmallCurveWhole() {
        double[] y = {3, 1, 4, 1, 5};
        SampledCurve c = sampler.sample(steps(5), y, 400);
        assertArrayEquals(y, c.y());
        assertEquals(5, c.total());
        assertTrue(!c.decimated());
    }

    @Test
    void breaksTheLineAtNonFiniteValuesAndCountsThem() {
        double[] y = {1, Double.NaN, 2, Double.POSITIVE_INFINITY, 3};
        SampledCurve c = sampler.sample(steps(5), y, 400);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, c.x());
        assertArrayEquals(new double[] {1, Double.NaN, 2, Double.NaN, 3}, c.y());
        assertEquals(3, c.drawn());
        assertEquals(2, c.nonFinite());
        assertEquals(5, c.total());
        assertTrue(!c.decimated());
    }

    @Test
    void keepsFirstMinMaxAndLastOfEveryColumnInIndexOrder() {
        // 12 points over x 0..11 in 2 columns: x 0..5 fall in the first (5 * 2/11 < 1), x 6..11 in the second
        double[] y = {3, 9, 1, 4, 7, 5, 2, 8, 6, 0, 4, 3};
        SampleBuffer out = new SampleBuffer();
        sampler.sample(steps(12), y, 0, 12, 0, 11, 2, false, out);
        // first column: first (0,3), max (1,9), min (2,1), last (5,5); second: first (6,2), max (7,8), min (9,0), last (11,3)
        assertArrayEquals(new double[] {0, 1, 2, 5, 6, 7, 9, 11}, Arrays.copyOf(out.x, out.size()));
        assertArrayEquals(new double[] {3, 9, 1, 5, 2, 8, 0, 3}, Arrays.copyOf(out.y, out.size()));
        assertEquals(8, out.drawn());
        assertEquals(12, out.inRange());
    }

    @Test
    void keepsAPointThatIsBothFirstAndMinimumOnce() {
        // 10 points over x 0..9 in 2 columns: x 0..4 in the first (4 * 2/9 < 1), x 5..9 in the second
        double[] y = {1, 5, 3, 2, 4, 6, 2, 9, 6, 9};
        SampleBuffer out = new SampleBuffer();
        sampler.sample(steps(10), y, 0, 10, 0, 9, 2, false, out);
        // first column: first = min (0,1), max (1,5), last (4,4); second: first (5,6), min (6,2), max (7,9) (the
        // first of the two 9s), last (9,9)
        assertArrayEquals(new double[] {0, 1, 4, 5, 6, 7, 9}, Arrays.copyOf(out.x, out.size()));
        assertArrayEquals(new double[] {1, 5, 4, 6, 2, 9, 9}, Arrays.copyOf(out.y, out.size()));
    }

    @Test
    void putsAGapWhereAColumnHeldNaN() {
        double[] y = {1, Double.NaN, 3, 2, 4, 5, 6, 7, 8, 9};
        SampleBuffer out = new SampleBuffer();
        sampler.sample(steps(10), y, 0, 10, 0, 9, 2, false, out);
        // first column: first = min (0,1), the gap at x 1, max = last (4,4); second: first = min (5,5), max = last (9,9)
        assertArrayEquals(new double[] {0, 1, 4, 5, 9}, Arrays.copyOf(out.x, out.size()));
        assertArrayEquals(new double[] {1, Double.NaN, 4, 5, 9}, Arrays.copyOf(out.y, out.size()));
        assertEquals(1, out.nonFinite());
        assertEquals(4, out.drawn());
    }

    @Test
    void leavesValuesAtOrBelowZeroOutOfALogScale() {
        double[] y = {2, 0, -1, 4};
        SampleBuffer out = new SampleBuffer();
        sampler.sample(steps(4), y, 0, 4, 0, 3, 100, true, out);
        assertArrayEquals(new double[] {0, 1, 3}, Arrays.copyOf(out.x, out.size()));
        assertArrayEquals(new double[] {2, Double.NaN, 4}, Arrays.copyOf(out.y, out.size()));
        assertEquals(2, out.nonPositive());
        assertEquals(0, out.nonFinite());
    }

    @Test
    void looksOnlyAtTheGivenIndexRange() {
        double[] y = {100, 1, 2, 3, -100};
        SampleBuffer out = new SampleBuffer();
        sampler.sample(steps(5), y, 1, 4, 1, 3, 100, false, out);
        assertArrayEquals(new double[] {1, 2, 3}, Arrays.copyOf(out.y, out.size()));
        assertEquals(3, out.inRange());
    }

    @Test
    void reusesTheBufferAcrossFrames() {
        SampleBuffer out = new SampleBuffer(4);
        sampler.sample(steps(1000), new double[1000], 0, 1000, 0, 999, 100, false, out);
        double[] grown = out.x;
        sampler.sample(steps(1000), new double[1000], 0, 1000, 0, 999, 100, false, out);
        assertTrue(grown == out.x, "a second frame of the same size allocates no new arrays");
    }
}
