package org.reprodiff.sample;

import org.reprodiff.model.PythonFloatFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a large MLflow file store for benchmarks (see {@link SampleProjectGenerator#writeSyntheticStore}). Runs
 * fall into 100 configurations that differ in learning rate, depth and optimizer and share everything else, so
 * twin groups of many seeds exist. Each run is drawn from its own random stream (derived from the seed and its
 * index), so the bytes do not depend on the order in which the parallel workers write.
 */
final class SyntheticStoreWriter {

    private static final long EPOCH_MS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    private static final String ARTIFACT_ROOT = "file:///home/demo/reprodiff-benchmark/mlruns";
    private static final String[] BASE_METRICS = {"train/loss", "val/loss", "val/accuracy", "lr", "grad_norm"};
    private static final String[] OPTIMIZERS = {"adamw", "sgd", "adam", "lion"};
    private static final double[] LEARNING_RATES = {1e-4, 3e-4, 0.001, 0.003, 0.005};

    private SyntheticStoreWriter() {
    }

    static void write(Path root, int runs, int params, int tags, int metrics, int points, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        MlflowFileStoreWriter writer = new MlflowFileStoreWriter(root);
        writer.createStore(ARTIFACT_ROOT, EPOCH_MS);
        String experimentId = MlflowIds.experimentId(random);
        writer.writeExperiment(new MlflowFileStoreWriter.Experiment(experimentId, "synthetic-benchmark",
                ARTIFACT_ROOT + "/" + experimentId, EPOCH_MS + 60_000, EPOCH_MS + 60_000));
        String commit = MlflowIds.gitCommit(random);
        try {
            IntStream.range(0, runs).parallel().forEach(i -> {
                try {
                    writer.writeRun(run(i, experimentId, commit, params, tags, metrics, points, seed));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static MlflowFileStoreWriter.Run run(int index, String experimentId, String commit, int paramCount,
            int tagCount, int metricCount, int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L)));
        String runId = MlflowIds.uuidHex(random);
        int config = index % 100;
        double lr = LEARNING_RATES[config % LEARNING_RATES.length];
        long runSeed = index / 100;

        Map<String, String> params = new LinkedHashMap<>();
        String[] named = {"lr", "batch_size", "epochs", "optimizer", "seed", "model.depth", "weight_decay",
            "dropout", "warmup_steps", "scheduler"};
        String[] values = {PythonFloatFormat.repr(lr), "128", "10", OPTIMIZERS[(config / 5) % OPTIMIZERS.length],
            Long.toString(runSeed), Integer.toString(18 + 16 * ((config / 20) % 3)), "0.0005", "0.1", "500", "cosine"};
        for (int p = 0; p < paramCount; p++) {
            params.put(p < named.length ? named[p] : "extra.hp_" + p,
                    p < named.length ? values[p] : Integer.toString(p * 7 + config % 3));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int t = 5; t < tagCount; t++) {
            tags.put("tag_" + t, "value-" + (config % (t + 1)));
        }

        long start = EPOCH_MS + 120_000 + index * 600_000L + random.nextLong(0, 60_000);
        long[] timestamps = new long[points];
        long[] steps = new long[points];
        for (int s = 0; s < points; s++) {
            timestamps[s] = start + 3_000 + s * 250L + random.nextLong(0, 30);
            steps[s] = s;
        }
        CurveModel.Curves curves = CurveModel.simulate(new CurveModel.Inputs(lr, runSeed * 1000 + config, points,
                -1, 0));
        List<MlflowFileStoreWriter.Metric> metrics = new ArrayList<>(metricCount);
        for (int m = 0; m < metricCount; m++) {
            String key = m < BASE_METRICS.length ? BASE_METRICS[m] : "extra/metric_" + m;
            metrics.add(new MlflowFileStoreWriter.Metric(key, timestamps, series(m, curves, lr, points, random),
                    steps));
        }
        long end = timestamps[Math.max(0, points - 1)] + random.nextLong(500, 3_000);
        String name = "bench-" + index;
        return new MlflowFileStoreWriter.Run(experimentId, runId, name, "demo", start, end,
                MlflowFileStoreWriter.FINISHED, ARTIFACT_ROOT + "/" + experimentId + "/" + runId + "/artifacts",
                new MlflowFileStoreWriter.Source("train.py", "LOCAL", commit), params, tags, metrics, null);
    }

    private static double[] series(int m, CurveModel.Curves curves, double lr, int points, SplittableRandom random) {
        switch (m) {
            case 0:
                return curves.trainLoss();
            case 1:
                return curves.valLoss();
            case 2:
                return curves.valAccuracy();
            default:
                double[] v = new double[points];
                for (int s = 0; s < points; s++) {
                    double cosine = 0.5 * (1 + StrictMath.cos(StrictMath.PI * s / Math.max(1, points)));
                    v[s] = m == 3 ? lr * cosine : (double) (float) (0.5 + cosine + 0.2 * random.nextDouble());
                }
                return v;
        }
    }
}
