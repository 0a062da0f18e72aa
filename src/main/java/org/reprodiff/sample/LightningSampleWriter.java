package org.reprodiff.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Writes the demo project's Lightning logs, {@code sample-runs/lightning_logs/}: a nominally identical pair of
 * version folders as Lightning writes them with both the CSV and the TensorBoard logger attached
 * (FORMATS.md 6): {@code hparams.yaml}, LightningCLI's {@code config.yaml} with {@code seed_everything},
 * {@code metrics.csv} (sorted header, sparse rows: training steps, then validation at each epoch's end) and an
 * event file with the same scalars, {@code hp_metric} and the hparams session (written with protobuf and correct
 * checksums by {@link EventFileWriter}).
 *
 * <p>{@code version_0} and {@code version_1} share hparams, seed, code and inputs; the second ran on
 * nondeterministic GPU kernels, so every metric is bit-identical for steps {@code 0..}{@value #PART_STEP}{@code -1}
 * and first differs at step {@value #PART_STEP}. Invariants: the output is a function of the constants here only
 * (no clock, no host of this machine).
 */
public final class LightningSampleWriter {
    public static final int STEPS = 120;
    public static final int STEPS_PER_EPOCH = 20;
    public static final int PART_STEP = 70;
    public static final long SEED = 7;
    /** 2023-12-05T10:00:00Z. */
    private static final long START = 1_701_770_400L;
    private static final String HPARAMS = """
            batch_size: 128
            hidden: 256
            lr: 0.001
            optimizer: adam
            weight_decay: 0.0001
            """;

    private LightningSampleWriter() {
    }

    /** Deletes {@code out/lightning_logs} and writes the pair there; {@code out} must be named sample-runs, or be empty. */
    public static void writeSampleProject(Path out) throws IOException {
        generate(SampleFolder.clear(out, "lightning_logs"));
    }

    /** Writes {@code version_0} and {@code version_1} into {@code logs}. */
    public static void generate(Path logs) throws IOException {
        writeVersion(logs.resolve("version_0"), START, 0);
        writeVersion(logs.resolve("version_1"), START + 3600, 0x0DD_C0DEL);
    }

    private static void writeVersion(Path dir, long start, long salt) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("hparams.yaml"), HPARAMS);
        write(dir.resolve("config.yaml"), "seed_everything: " + SEED + "\ntrainer:\n  max_epochs: "
                + STEPS / STEPS_PER_EPOCH + "\n  deterministic: false\nmodel:\n  class_path: demo.LitClassifier\n");
        CurveModel.Curves curves = CurveModel.simulate(new CurveModel.Inputs(0.001, SEED, STEPS,
                salt != 0 ? PART_STEP : -1, salt));
        StringBuilder csv = new StringBuilder("epoch,step,train_loss,val_acc,val_loss\n");
        Path events = dir.resolve(EventFileWriter.fileName(start, "demo-gpu", 4242, 0));
        try (EventFileWriter tb = EventFileWriter.create(events, start)) {
            Map<String, Object> hparams = new LinkedHashMap<>();
            hparams.put("batch_size", 128.0);
            hparams.put("hidden", 256.0);
            hparams.put("lr", 0.001);
            hparams.put("optimizer", "adam");
            hparams.put("weight_decay", 0.0001);
            tb.experiment(hparams.keySet(), java.util.List.of("hp_metric"), start);
            tb.sessionStartInfo(hparams, start, start);
            tb.scalar("hp_metric", 0, -1f, start);
            double clock = start + 2.0;
            for (int step = 0; step < STEPS; step++) {
                clock += 0.5;
                int epoch = step / STEPS_PER_EPOCH;
                float loss = (float) curves.trainLoss()[step];
                csv.append(epoch).append(',').append(step).append(',').append(repr(loss)).append(",,\n");
                tb.scalar("train_loss", step, loss, clock);
                tb.scalar("epoch", step, epoch, clock);
                if ((step + 1) % STEPS_PER_EPOCH == 0) {
                    float acc = (float) curves.valAccuracy()[step];
                    float val = (float) curves.valLoss()[step];
                    csv.append(epoch).append(',').append(step).append(",,").append(repr(acc)).append(',')
                            .append(repr(val)).append('\n');
                    tb.scalar("val_acc", step, acc, clock + 0.25);
                    tb.scalar("val_loss", step, val, clock + 0.25);
                }
            }
            tb.sessionEndInfo(EventFileWriter.SessionStatus.SUCCESS, clock + 1, clock + 1);
        }
        write(dir.resolve("metrics.csv"), csv.toString());
    }

    private static String repr(float value) {
        return PythonFloatFormat.repr(value);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
