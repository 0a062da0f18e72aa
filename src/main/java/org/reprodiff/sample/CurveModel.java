package org.reprodiff.sample;

import java.util.SplittableRandom;

/**
 * Seeded training curves of a small image classifier (10 classes, so the loss starts near ln 10): a noisy,
 * decaying {@code train/loss}, a smoother {@code val/loss} that flattens and creeps up a little late on, and a
 * rising {@code val/accuracy} counted over 10,000 validation images.
 *
 * <p>Invariants, which the sample project's situations rely on:
 * <ul>
 *   <li>Only {@link StrictMath} and {@link SplittableRandom}: the same inputs give the same bits on every JVM.</li>
 *   <li>The noise at a step depends only on (seed, step, metric): two runs with the same seed share it, so
 *       curves of equal inputs are bit-identical, and curves of different seeds differ from step 0.</li>
 *   <li>At step 0 no update has happened: the learning rate does not touch step 0, only later steps.</li>
 *   <li>With a {@code numericsChange} at step k, steps before k are untouched and every metric differs from
 *       step k on (different kernels: other rounding, and a drift that grows).</li>
 *   <li>Losses are float32 values widened to double, as {@code tensor.item()} gives them. Above a learning
 *       rate of 0.01 the loss explodes: it overflows float32 to infinity, and every later loss is NaN.</li>
 * </ul>
 */
final class CurveModel {

    /** The inputs that shape a curve. {@code numericsChangeStep} &lt; 0 means no change. */
    record Inputs(double learningRate, long seed, int steps, int numericsChangeStep, long numericsSalt) {
    }

    /** The three series, one value per step {@code 0..steps-1}. */
    record Curves(double[] trainLoss, double[] valLoss, double[] valAccuracy) {
    }

    private static final double INITIAL_LOSS = StrictMath.log(10.0);
    private static final int VAL_IMAGES = 10_000;
    /** Above this learning rate the loss explodes: first to infinity, then NaN. */
    private static final double STABLE_LR_LIMIT = 0.01;

    private CurveModel() {
    }

    static Curves simulate(Inputs in) {
        int n = in.steps();
        double[] train = new double[n];
        double[] val = new double[n];
        double[] acc = new double[n];
        double ratio = in.learningRate() / 0.001;
        double tau = 55.0 * StrictMath.pow(1.0 / ratio, 0.8);
        double logRatio = StrictMath.log(ratio);
        double trainFloor = 0.12 + 0.035 * StrictMath.abs(logRatio);
        double valFloor = 0.43 + 0.05 * StrictMath.abs(logRatio);
        double accCeiling = 0.885 - 0.018 * StrictMath.abs(logRatio);
        double start = INITIAL_LOSS + 0.03 * gaussian(in.seed(), -1, 0);
        boolean unstable = in.learningRate() > STABLE_LR_LIMIT;
        double drift = 0.0;
        boolean exploded = false;
        for (int t = 0; t < n; t++) {
            boolean changed = in.numericsChangeStep() >= 0 && t >= in.numericsChangeStep();
            long noiseSeed = changed ? in.seed() ^ in.numericsSalt() : in.seed();
            if (changed) {
                drift += 0.004 * gaussian(in.numericsSalt(), t, 3);
            }
            double decay = StrictMath.exp(-t / tau);
            double trainMean = trainFloor + (start - trainFloor) * decay;
            double valMean = valFloor + (start - valFloor) * StrictMath.exp(-t / (1.2 * tau))
                    + 0.00012 * StrictMath.max(0, t - 320);
            double accMean = 0.1 + (accCeiling - 0.1) * (1.0 - StrictMath.exp(-t / (1.3 * tau)));
            if (unstable) {
                double late = StrictMath.max(0, t - 60);
                double blowUp = StrictMath.exp(0.016 * late * late);
                trainMean *= blowUp;
                valMean *= blowUp;
                accMean = 0.1 + (accMean - 0.1) / blowUp;
            }
            double trainValue = trainMean * (1.0 + 0.06 * gaussian(noiseSeed, t, 0)) * (1.0 + drift);
            double valValue = valMean * (1.0 + 0.012 * gaussian(noiseSeed, t, 1)) * (1.0 + drift);
            double accValue = accMean + 0.004 * gaussian(noiseSeed, t, 2) - 0.5 * drift;
            if (exploded) {
                trainValue = Double.NaN;
                valValue = Double.NaN;
                accValue = Double.NaN;
            }
            train[t] = float32(trainValue);
            val[t] = float32(valValue);
            acc[t] = accuracy(accValue);
            exploded = exploded || Double.isInfinite(train[t]);
        }
        return new Curves(train, val, acc);
    }

    /** A loss as float32 widened to double; beyond float range it is infinite. */
    private static double float32(double v) {
        return (double) (float) v;
    }

    /** Correct predictions over the validation set, as {@code correct / total} in Python. */
    private static double accuracy(double v) {
        if (Double.isNaN(v)) {
            return 0.1;
        }
        long correct = StrictMath.round(StrictMath.min(1.0, StrictMath.max(0.0, v)) * VAL_IMAGES);
        return (double) correct / VAL_IMAGES;
    }

    /** A standard normal draw for (seed, step, stream), by Box-Muller. */
    static double gaussian(long seed, long step, int stream) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step * 0xC2B2AE3D27D4EB4FL + stream);
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
