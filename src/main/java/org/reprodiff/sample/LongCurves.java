package org.reprodiff.sample;

import java.util.SplittableRandom;
import org.reprodiff.model.MetricSeries;

/**
 * Two long seeded loss curves for the chart benchmark: {@code points} steps 0, 1, 2, ... each, a decaying loss
 * with noise and rare spikes (one point in 10,000 jumps to three times its level, so a decimation that drops
 * spikes shows). Curve B follows A's shape with its own noise and a 2 % higher level. Wall times are one second
 * apart from 2024-01-01.
 *
 * <p>Invariants: the values are a function of the seed and the size only; every value is finite.
 */
public final class LongCurves {
    private static final long EPOCH_MS = 1_704_067_200_000L;

    private LongCurves() {
    }

    /** Curve {@code a} (true) or {@code b} (false) under the key {@code train/loss}. */
    public static MetricSeries curve(boolean a, int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed + (a ? 0 : 1));
        long[] steps = new long[points];
        double[] values = new double[points];
        long[] wall = new long[points];
        double scale = a ? 1.0 : 1.02;
        for (int i = 0; i < points; i++) {
            steps[i] = i;
            double level = scale * (0.1 + 2.2 * Math.exp(-i / (points / 8.0)));
            double v = level * (1 + 0.05 * (random.nextDouble() - 0.5));
            values[i] = random.nextInt(10_000) == 0 ? 3 * v : v;
            wall[i] = EPOCH_MS + i * 1000L;
        }
        return new MetricSeries("train/loss", steps, values, wall);
    }
}
