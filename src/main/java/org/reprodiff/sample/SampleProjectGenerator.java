package org.reprodiff.sample;

import org.reprodiff.model.PythonFloatFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the demo project {@code sample-runs/}: an MLflow file store {@code sample-runs/mlruns/} with one
 * experiment of a CIFAR-10 ResNet-18 training, holding four deliberate situations, each a pair of runs:
 * <ol>
 *   <li>{@code baseline-a} / {@code baseline-b-rerun}: bit-identical reruns (same params, seed, commit and
 *       packages; the same metric values and steps byte for byte; only run ids, names and timestamps differ);</li>
 *   <li>{@code seed-sweep-s1} / {@code seed-sweep-s2} (and {@code seed-sweep-s3}, for the seed-to-seed spread):
 *       same config, another seed; curves differ from step 0, final values close;</li>
 *   <li>{@code torch-2.1.0-cu118} / {@code torch-2.1.2-cu121}: same config and seed, torch patch upgrade and CUDA
 *       build change as MLflow records them (logged model's requirements and flavor versions); every metric
 *       identical for steps 0..{@value #NUMERICS_CHANGE_STEP}-1 and first different at step
 *       {@value #NUMERICS_CHANGE_STEP};</li>
 *   <li>{@code lr-0.001} / {@code lr-0.003}: one changed learning rate; step 0 (before any update) is equal, the
 *       curves part from step 1;</li>
 * </ol>
 * plus {@code lr-0.03-diverged}, a FAILED run whose loss overflows to {@code inf}, then {@code nan}, and stops.
 *
 * <p>Invariants: the output is a function of {@link #SEED} only (no clock, no host, no absolute path of this
 * machine: artifact URIs point at a fictional {@code /home/demo/reprodiff-sample}); {@code main} deletes and
 * rewrites only {@code <out>/mlruns}, and refuses a folder that is neither named {@code sample-runs} nor empty.
 */
public final class SampleProjectGenerator {

    public static final long SEED = 20231204L;
    public static final int STEPS = 500;
    public static final int NUMERICS_CHANGE_STEP = 420;
    public static final String EXPERIMENT_NAME = "cifar10-resnet18";
    static final String ARTIFACT_ROOT = "file:///home/demo/reprodiff-sample/mlruns";
    static final String USER = "demo";
    static final String[] METRIC_KEYS = {"train/loss", "val/loss", "val/accuracy"};
    /** 2023-12-04T09:00:00Z: the sample's clock starts here, whatever the date of generation. */
    private static final long EPOCH_MS = 1_701_680_400_000L;
    private static final DateTimeFormatter PY_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    /** A software environment as the logged model records it. */
    private record Build(String torch, String torchvision, long modelSizeBytes) {
    }

    private static final Build CU118 = new Build("2.1.0+cu118", "0.16.0+cu118", 44_787_434L);
    private static final Build CU121 = new Build("2.1.2+cu121", "0.16.2+cu121", 44_788_650L);

    /** One planned run; {@code salt} != 0 changes the numerics from {@link #NUMERICS_CHANGE_STEP} on. */
    private record Plan(String name, long seed, double lr, Build build, int commit, long salt) {
    }

    private SampleProjectGenerator() {
    }

    /** {@code java ... SampleProjectGenerator [OUT]}: rewrites {@code OUT/mlruns} (OUT defaults to sample-runs). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-runs");
        try {
            writeSampleProject(out);
            WandbSampleGenerator.writeSampleProject(out);
            LightningSampleWriter.writeSampleProject(out);
            SacredSampleWriter.write(out.resolve("sacred"));
            DvcSampleWriter.write(out.resolve("dvc"));
        } catch (IllegalArgumentException e) {
            System.err.println("sample-runs: " + e.getMessage());
            System.exit(2);
        }
        System.out.println("wrote mlruns, wandb, lightning_logs, sacred and dvc in " + out);
    }

    /**
     * Deletes {@code out/mlruns} and writes the sample store there. {@code out} must be named {@code sample-runs},
     * or be empty, or not exist; anything else is refused so that user data cannot be wiped.
     */
    public static void writeSampleProject(Path out) throws IOException {
        generate(SampleFolder.clear(out, "mlruns"));
    }

    /** Writes the sample store into {@code mlruns}, which must not exist or be an empty folder. */
    public static void generate(Path mlruns) throws IOException {
        requireFresh(mlruns);
        SplittableRandom random = new SplittableRandom(SEED);
        MlflowFileStoreWriter writer = new MlflowFileStoreWriter(mlruns);
        long storeCreated = EPOCH_MS + random.nextLong(0, 600_000);
        writer.createStore(ARTIFACT_ROOT, storeCreated);
        String experimentId = MlflowIds.experimentId(random);
        long experimentCreated = storeCreated + random.nextLong(20_000, 90_000);
        String[] commits = {MlflowIds.gitCommit(random), MlflowIds.gitCommit(random)};

        List<Plan> plans = List.of(
                new Plan("baseline-a", 42, 0.001, CU118, 0, 0),
                new Plan("baseline-b-rerun", 42, 0.001, CU118, 0, 0),
                new Plan("seed-sweep-s1", 1, 0.001, CU118, 0, 0),
                new Plan("seed-sweep-s2", 2, 0.001, CU118, 0, 0),
                new Plan("seed-sweep-s3", 3, 0.001, CU118, 0, 0),
                new Plan("torch-2.1.0-cu118", 7, 0.001, CU118, 1, 0),
                new Plan("torch-2.1.2-cu121", 7, 0.001, CU121, 1, 0x5EED_C0DA_121L),
                new Plan("lr-0.001", 123, 0.001, CU121, 1, 0),
                new Plan("lr-0.003", 123, 0.003, CU121, 1, 0),
                new Plan("lr-0.03-diverged", 123, 0.03, CU121, 1, 0));

        long clock = experimentCreated + random.nextLong(60_000, 240_000);
        for (Plan plan : plans) {
            MlflowFileStoreWriter.Run run = sampleRun(plan, experimentId, commits[plan.commit()], clock, random);
            writer.writeRun(run);
            clock = run.endTime() + random.nextLong(45_000, 400_000);
        }
        writer.writeExperiment(new MlflowFileStoreWriter.Experiment(experimentId, EXPERIMENT_NAME,
                ARTIFACT_ROOT + "/" + experimentId, experimentCreated, experimentCreated));
    }

    private static MlflowFileStoreWriter.Run sampleRun(Plan plan, String experimentId, String commit, long start,
            SplittableRandom random) {
        String runId = MlflowIds.uuidHex(random);
        CurveModel.Curves curves = CurveModel.simulate(new CurveModel.Inputs(plan.lr(), plan.seed(), STEPS,
                plan.salt() != 0 ? NUMERICS_CHANGE_STEP : -1, plan.salt()));
        int steps = STEPS;
        for (int t = 0; t < STEPS; t++) {
            if (Double.isNaN(curves.trainLoss()[t])) {
                steps = Math.min(STEPS, t + 3); // the NaN guard in the training loop raises a few steps later
                break;
            }
        }
        boolean failed = steps < STEPS;
        long[] timestamps = new long[steps];
        long[] stepNumbers = new long[steps];
        long ts = start + random.nextLong(4_200, 6_000);
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                ts += random.nextLong(228, 262) + (t % 100 == 0 ? random.nextLong(1_500, 2_100) : 0);
            }
            timestamps[t] = ts;
            stepNumbers[t] = t;
        }
        double[][] series = {curves.trainLoss(), curves.valLoss(), curves.valAccuracy()};
        List<MlflowFileStoreWriter.Metric> metrics = new ArrayList<>();
        for (int k = 0; k < METRIC_KEYS.length; k++) {
            double[] values = Arrays.copyOf(series[k], steps);
            metrics.add(new MlflowFileStoreWriter.Metric(METRIC_KEYS[k], timestamps, values, stepNumbers));
        }
        MlflowFileStoreWriter.PytorchModel model = null;
        long end;
        if (failed) {
            end = ts + random.nextLong(80, 400);
        } else {
            long createdMicros = (ts + random.nextLong(300, 900)) * 1000 + random.nextLong(1, 1000);
            model = model(plan.build(), pythonDateTime(createdMicros), MlflowIds.uuidHex(random));
            end = createdMicros / 1000 + random.nextLong(1_500, 3_000);
        }
        return new MlflowFileStoreWriter.Run(experimentId, runId, plan.name(), USER, start, end,
                failed ? MlflowFileStoreWriter.FAILED : MlflowFileStoreWriter.FINISHED,
                ARTIFACT_ROOT + "/" + experimentId + "/" + runId + "/artifacts",
                new MlflowFileStoreWriter.Source("train.py", "LOCAL", commit), params(plan), Map.of(), metrics,
                model);
    }

    /** The parameters as {@code mlflow.log_params} keeps them: Python's {@code str()} of each value. */
    private static Map<String, String> params(Plan plan) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model.arch", "resnet");
        p.put("model.depth", "18");
        p.put("dataset", "cifar10");
        p.put("optimizer", "adamw");
        p.put("lr", PythonFloatFormat.repr(plan.lr()));
        p.put("weight_decay", PythonFloatFormat.repr(5e-4));
        p.put("batch_size", "128");
        p.put("epochs", "5");
        p.put("steps_per_epoch", Integer.toString(STEPS / 5));
        p.put("seed", Long.toString(plan.seed()));
        p.put("num_workers", "4");
        p.put("cudnn.deterministic", "True");
        p.put("cudnn.benchmark", "False");
        p.put("amp", "False");
        return p;
    }

    private static MlflowFileStoreWriter.PytorchModel model(Build build, String created, String uuid) {
        return new MlflowFileStoreWriter.PytorchModel("model", created, uuid, "2.8.1", "3.10.12", build.torch(),
                build.modelSizeBytes(), "23.3.1", List.of("pip==23.3.1", "setuptools==68.2.2", "wheel==0.41.3"),
                List.of("torch==" + build.torch(), "torchvision==" + build.torchvision(), "numpy==1.26.2"));
    }

    /** Python's {@code str(datetime.utcnow())} for a time in microseconds (never a whole second). */
    static String pythonDateTime(long epochMicros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return PY_DATETIME.format(t);
    }

    /**
     * A large synthetic store for benchmarks: {@code runs} runs in one experiment, each with {@code params}
     * parameters, {@code tags} tags (the five system tags included), {@code metrics} metrics of {@code points}
     * points. {@code root} must not exist or be empty. Written in parallel; the bytes depend on {@code seed} only.
     */
    public static void writeSyntheticStore(Path root, int runs, int params, int tags, int metrics, int points,
            long seed) throws IOException {
        requireFresh(root);
        SyntheticStoreWriter.write(root, runs, params, tags, metrics, points, seed);
    }

    static void requireFresh(Path folder) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                && !(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && SampleFolder.isEmpty(folder))) {
            throw new IllegalArgumentException(folder + " exists and is not an empty folder");
        }
    }
}
