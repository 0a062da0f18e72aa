package org.reprodiff.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprodiff.sample.WandbRecordEncoder.Item;
import org.reprodiff.sample.WandbRecordEncoder.Message;

/**
 * Writes the W&B part of the demo project, {@code sample-runs/wandb/}: two offline runs as a current SDK leaves
 * them (wandb-core, offline mode: the binary {@code run-<id>.wandb} log holds everything, {@code files/} holds
 * only {@code requirements.txt}). They are a nominally identical pair: the same config (seed 42 included),
 * commit, packages and machine type, yet the second run's numerics change at step {@value #PART_STEP} (cuDNN
 * benchmark mode picks other kernels), so every curve is bit-identical before that step and parts from it on.
 *
 * <p>The logs are written by {@link WandbLogWriter} in the real framing, with the records wandb-core writes: a
 * header, the run record (config, git, telemetry), an EnvironmentRecord, a {@code define_metric} for
 * {@code val/*} stepped by {@code epoch}, history rows without step fields (the newest format, steps assigned
 * on reading) each followed by its summary update, system metrics and an exit record.
 *
 * <p>Invariants: the bytes are a function of {@link #SEED} only (no clock, no path of this machine); {@code main}
 * deletes and rewrites only {@code <out>/wandb}, and refuses a folder neither named {@code sample-runs} nor empty.
 */
public final class WandbSampleGenerator {
    public static final long SEED = 20231204L;
    public static final int STEPS = 200;
    public static final int STEPS_PER_EPOCH = 20;
    public static final int PART_STEP = 150;
    /** 2023-12-04T10:00:00Z. */
    private static final long START = 1_701_684_000L;

    private WandbSampleGenerator() {
    }

    /** {@code java ... WandbSampleGenerator [OUT]}: rewrites {@code OUT/wandb} (OUT defaults to sample-runs). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-runs");
        try {
            writeSampleProject(out);
        } catch (IllegalArgumentException e) {
            System.err.println("sample-runs: " + e.getMessage());
            System.exit(2);
        }
        System.out.println("wrote " + out.resolve("wandb"));
    }

    /** Deletes {@code out/wandb} and writes the pair there; {@code out} must be named sample-runs, or be empty. */
    public static void writeSampleProject(Path out) throws IOException {
        generate(SampleFolder.clear(out, "wandb"));
    }

    /** Writes the two run folders into {@code wandb}, which must not exist or be empty. */
    public static void generate(Path wandb) throws IOException {
        Files.createDirectories(wandb);
        SplittableRandom random = new SplittableRandom(SEED);
        String commit = hex(random, 40);
        String[] ids = {id(random), id(random)};
        writeRun(wandb, ids[0], "resnet18-a", START, 0, commit, random);
        writeRun(wandb, ids[1], "resnet18-b", START + 1800, 0x5EED_CD0BL, commit, random);
    }

    private static void writeRun(Path wandb, String id, String name, long start, long salt, String commit,
                                 SplittableRandom random) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .format(LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC));
        Path dir = Files.createDirectories(wandb.resolve("offline-run-" + stamp + "-" + id));
        Files.createDirectories(dir.resolve("files"));
        Files.write(dir.resolve("files").resolve("requirements.txt"), REQUIREMENTS.getBytes(StandardCharsets.UTF_8));
        CurveModel.Curves curves = CurveModel.simulate(new CurveModel.Inputs(0.001, 42, STEPS,
                salt != 0 ? PART_STEP : -1, salt));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("run-" + id + ".wandb")))) {
            WandbLogWriter log = new WandbLogWriter(out);
            long[] num = {1};
            Writer w = (type, body) -> log.write(WandbRecordEncoder.record(num[0]++, type, body));
            w.write(WandbRecordEncoder.HEADER, WandbRecordEncoder.header("0.21.0"));
            w.write(WandbRecordEncoder.RUN, WandbSampleRecords.run(id, name, start, commit));
            w.write(WandbRecordEncoder.ENVIRONMENT, WandbSampleRecords.environment(start, commit));
            w.write(WandbRecordEncoder.TELEMETRY, WandbRecordEncoder.telemetry(List.of(1, 41), "3.11.7", "0.21.0"));
            w.write(WandbRecordEncoder.METRIC, WandbRecordEncoder.metric("epoch", null, null));
            w.write(WandbRecordEncoder.METRIC, WandbRecordEncoder.metric(null, "val/*", "epoch"));
            w.write(WandbRecordEncoder.FILES, WandbRecordEncoder.files(List.of("requirements.txt")));
            double clock = 4.0 + random.nextDouble();
            for (int step = 0; step < STEPS; step++) {
                clock += 0.45 + 0.1 * random.nextDouble();
                List<Item> items = new ArrayList<>();
                items.add(Item.nested(WandbSyntheticLog.json(curves.trainLoss()[step]), "train/loss"));
                items.add(Item.nested(Integer.toString(step / STEPS_PER_EPOCH), "epoch"));
                if ((step + 1) % STEPS_PER_EPOCH == 0) {
                    items.add(Item.nested(WandbSyntheticLog.json(curves.valLoss()[step]), "val/loss"));
                    items.add(Item.nested(WandbSyntheticLog.json(curves.valAccuracy()[step]), "val/accuracy"));
                }
                items.add(Item.nested(WandbSyntheticLog.json(round(clock)), "_runtime"));
                items.add(Item.nested(WandbSyntheticLog.json(round(start + clock)), "_timestamp"));
                w.write(WandbRecordEncoder.HISTORY, WandbRecordEncoder.history(items, null));
                w.write(WandbRecordEncoder.SUMMARY, WandbRecordEncoder.items(1, items));
                if (step % 25 == 0) {
                    w.write(WandbRecordEncoder.STATS, WandbRecordEncoder.stats(start + (long) clock, 0, List.of(
                            new String[] {"gpu.0.gpu", WandbSyntheticLog.json(90 + random.nextInt(9))},
                            new String[] {"gpu.0.memoryAllocated", WandbSyntheticLog.json(round(61 + random.nextDouble()))},
                            new String[] {"cpu", WandbSyntheticLog.json(round(12 + 6 * random.nextDouble()))})));
                }
            }
            w.write(WandbRecordEncoder.SUMMARY, WandbRecordEncoder.items(1,
                    List.of(Item.nested(Integer.toString((int) clock + 1), "_wandb", "runtime"))));
            w.write(WandbRecordEncoder.EXIT, WandbRecordEncoder.exit(0, (int) clock + 1));
            log.finish();
        }
    }

    private interface Writer {
        void write(int type, Message body) throws IOException;
    }

    private static double round(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    private static String id(SplittableRandom random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static String hex(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static final String REQUIREMENTS = String.join("\n", "filelock==3.13.1", "numpy==1.26.2",
            "pillow==10.1.0", "pyyaml==6.0.1", "torch==2.1.2+cu121", "torchvision==0.16.2+cu121", "tqdm==4.66.1",
            "wandb==0.21.0") + "\n";
}
