package org.reprodiff.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Min/max-per-bucket decimation keeps every spike and says what it left out. */
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
        assertTrue(c.drawn() <= 802, "at most two points per bucket plus the ends: " + c.drawn());
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
    void leavesOutNonFiniteValuesAndCountsThem() {
        double[] y = {1, Double.NaN, 2, Double.POSITIVE_INFINITY, 3};
        SampledCurve c = sampler.sample(steps(5), y, 400);
        assertArrayEquals(new double[] {1, 2, 3}, c.y());
        assertEquals(2, c.nonFinite());
        assertEquals(5, c.total());
    }
}
