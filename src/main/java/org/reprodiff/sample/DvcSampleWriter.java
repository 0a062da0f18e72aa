package org.reprodiff.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Writes the DVC part of the demo project: a small DVC 3 project as {@code dvc repro} leaves it after training a
 * digit classifier with DVCLive, with one stage {@code train}:
 * <pre>
 *   dvc.yaml  dvc.lock  params.yaml  src/train.py  data/train.csv  models/weights.txt
 *   dvclive/metrics.json  dvclive/plots/metrics/{train,eval}/{loss,acc}.tsv
 * </pre>
 * {@code dvc.lock} records what DVC would: the resolved command, each dependency and output with {@code hash: md5},
 * its MD5 (computed over the bytes written here) and size; a folder's entry ({@code models},
 * {@code dvclive/plots}) carries {@code nfiles} and the MD5 of its manifest, as DVC hashes a folder: the JSON list
 * of {@code {"md5", "relpath"}} of its files, sorted by path; and the params values the stage ran with.
 * DVCLive's files are as DVCLive 3 writes them: TSVs with {@code timestamp} (epoch ms), {@code step} and the
 * metric's basename, floats as Python prints them, the summary with 4-space indents and its {@code step}.
 *
 * <p>Invariants: the bytes are a function of {@link #SEED} only: no clock (timestamps count from the fixed
 * {@link #START_MS}), no path or name of this machine; {@link #write} deletes and rewrites only the given
 * folder, through {@link SampleFolder#clear}, which refuses a parent neither named {@code sample-runs} nor empty.
 */
public final class DvcSampleWriter {
    public static final long SEED = 20231204L;
    public static final int EPOCHS = 12;
    /** 2023-12-04T11:00:00Z, the first logged timestamp; one epoch takes {@value #EPOCH_MS} ms. */
    public static final long START_MS = 1_701_687_600_000L;
    public static final long EPOCH_MS = 41_000L;
    public static final double LR = 0.001;
    public static final int CONV_UNITS = 32;
    private static final int ROWS = 120;

    private static final String TRAIN_PY = """
            import json
            import yaml
            from dvclive import Live

            from model import build_model, load_digits

            params = yaml.safe_load(open("params.yaml"))
            x_train, y_train, x_eval, y_eval = load_digits("data/train.csv", seed=params["seed"])
            model = build_model(params["model"]["conv_units"], params["model"]["dropout"], params["train"]["lr"])

            with Live(save_dvc_exp=True) as live:
                for epoch in range(params["train"]["epochs"]):
                    history = model.fit(x_train, y_train, batch_size=params["train"]["batch_size"], epochs=1,
                                        validation_data=(x_eval, y_eval))
                    for split, prefix in (("train", ""), ("eval", "val_")):
                        live.log_metric(f"{split}/loss", history.history[prefix + "loss"][0], timestamp=True)
                        live.log_metric(f"{split}/acc", history.history[prefix + "accuracy"][0], timestamp=True)
                    live.next_step()
            model.save_weights("models/weights.txt")
            """;

    private DvcSampleWriter() {
    }

    /** Deletes {@code dvcFolder} and writes the project there; its parent must be named sample-runs, or be empty. */
    public static void write(Path dvcFolder) throws IOException {
        Path absolute = dvcFolder.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("not a folder inside another: " + dvcFolder);
        }
        Path dir = SampleFolder.clear(absolute.getParent(), absolute.getFileName().toString());
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] script = TRAIN_PY.getBytes(StandardCharsets.UTF_8);
        byte[] data = trainingData(random);
        byte[] weights = weights(random);
        Map<String, byte[]> plots = curves(random);

        put(dir.resolve("params.yaml"), params());
        put(dir.resolve("dvc.yaml"), pipeline());
        Files.createDirectories(dir.resolve("src"));
        Files.write(dir.resolve("src/train.py"), script);
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/train.csv"), data);
        Files.createDirectories(dir.resolve("models"));
        Files.write(dir.resolve("models/weights.txt"), weights);
        for (Map.Entry<String, byte[]> e : plots.entrySet()) {
            Path file = dir.resolve("dvclive/plots/metrics").resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        byte[] summary = summary(plots).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("dvclive/metrics.json"), summary);

        Map<String, byte[]> modelFiles = Map.of("weights.txt", weights);
        Map<String, byte[]> plotFiles = new LinkedHashMap<>();
        plots.forEach((k, v) -> plotFiles.put("metrics/" + k, v));
        String lock = "schema: '2.0'\nstages:\n  train:\n    cmd: python src/train.py\n    deps:\n"
                + fileEntry("data/train.csv", data) + fileEntry("src/train.py", script)
                + "    params:\n      params.yaml:\n        model:\n          conv_units: " + CONV_UNITS
                + "\n          dropout: 0.25\n        seed: 42\n        train:\n          batch_size: 64\n"
                + "          epochs: " + EPOCHS + "\n          lr: " + PythonFloatFormat.repr(LR) + "\n    outs:\n"
                + fileEntry("dvclive/metrics.json", summary) + dirEntry("dvclive/plots", plotFiles)
                + dirEntry("models", modelFiles);
        put(dir.resolve("dvc.lock"), lock);
    }

    private static String params() {
        return "model:\n  conv_units: " + CONV_UNITS + "\n  dropout: 0.25\nseed: 42\ntrain:\n  batch_size: 64\n"
                + "  epochs: " + EPOCHS + "\n  lr: " + PythonFloatFormat.repr(LR) + "\n";
    }

    private static String pipeline() {
        return """
                stages:
                  train:
                    cmd: python src/train.py
                    deps:
                    - data/train.csv
                    - src/train.py
                    params:
                    - model
                    - seed
                    - train
                    outs:
                    - models
                    metrics:
                    - dvclive/metrics.json:
                        cache: false
                    plots:
                    - dvclive/plots:
                        cache: false
                plots:
                - dvclive/plots/metrics:
                    x: step
                """;
    }

    /** 8x8 digit features flattened to four summary columns and a label, as a tiny CSV. */
    private static byte[] trainingData(SplittableRandom random) {
        StringBuilder b = new StringBuilder("ink,width,height,holes,label\n");
        for (int i = 0; i < ROWS; i++) {
            int label = random.nextInt(10);
            b.append(random.nextInt(40, 400)).append(',').append(random.nextInt(2, 9)).append(',')
                    .append(random.nextInt(5, 9)).append(',').append(label == 8 ? 2 : label % 3 == 0 ? 1 : 0)
                    .append(',').append(label).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] weights(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CONV_UNITS; i++) {
            b.append(PythonFloatFormat.repr((double) (float) (random.nextGaussian() * 0.1))).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The four metric files by their path below {@code plots/metrics}, in a fixed order. */
    private static Map<String, byte[]> curves(SplittableRandom random) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (String name : new String[] {"eval/acc.tsv", "eval/loss.tsv", "train/acc.tsv", "train/loss.tsv"}) {
            String column = name.substring(name.indexOf('/') + 1, name.length() - ".tsv".length());
            files.put(name, new StringBuilder("timestamp\tstep\t" + column + "\n"));
        }
        for (int step = 0; step < EPOCHS; step++) {
            long time = START_MS + EPOCH_MS * (step + 1) + random.nextInt(0, 900);
            double decay = StrictMath.exp(-0.35 * (step + 1));
            double trainLoss = float32(0.06 + 0.55 * decay * (1 + 0.05 * random.nextGaussian()));
            double evalLoss = float32(0.07 + 0.45 * decay * (1 + 0.04 * random.nextGaussian()));
            double trainAcc = float32(0.99 - 0.17 * decay + 0.002 * random.nextGaussian());
            double evalAcc = StrictMath.round((0.985 - 0.12 * decay + 0.002 * random.nextGaussian()) * 10_000) / 10_000.0;
            row(files.get("eval/acc.tsv"), time, step, evalAcc);
            row(files.get("eval/loss.tsv"), time, step, evalLoss);
            row(files.get("train/acc.tsv"), time, step, trainAcc);
            row(files.get("train/loss.tsv"), time, step, trainLoss);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((k, v) -> out.put(k, v.toString().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static void row(StringBuilder b, long time, int step, double value) {
        b.append(time).append('\t').append(step).append('\t').append(PythonFloatFormat.repr(value)).append('\n');
    }

    /** {@code metrics.json} as DVCLive writes it: the last value of each metric, nested by "/", and the step. */
    private static String summary(Map<String, byte[]> plots) {
        StringBuilder b = new StringBuilder("{\n");
        for (String split : new String[] {"train", "eval"}) {
            b.append("    \"").append(split).append("\": {\n");
            b.append("        \"loss\": ").append(last(plots.get(split + "/loss.tsv"))).append(",\n");
            b.append("        \"acc\": ").append(last(plots.get(split + "/acc.tsv"))).append("\n    },\n");
        }
        return b.append("    \"step\": ").append(EPOCHS - 1).append("\n}").toString();
    }

    private static String last(byte[] tsv) {
        String text = new String(tsv, StandardCharsets.UTF_8).strip();
        return text.substring(text.lastIndexOf('\t') + 1);
    }

    private static double float32(double v) {
        return (double) (float) v;
    }

    private static String fileEntry(String path, byte[] bytes) {
        return "    - path: " + path + "\n      hash: md5\n      md5: " + md5(bytes) + "\n      size: " + bytes.length + "\n";
    }

    /** A folder's entry: the MD5 of its manifest (files sorted by relative path) with {@code .dir}, total size, count. */
    private static String dirEntry(String path, Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder("[");
        long size = 0;
        for (String rel : new java.util.TreeSet<>(files.keySet())) {
            if (manifest.length() > 1) {
                manifest.append(", ");
            }
            manifest.append("{\"md5\": \"").append(md5(files.get(rel))).append("\", \"relpath\": \"").append(rel).append("\"}");
            size += files.get(rel).length;
        }
        String digest = md5(manifest.append(']').toString().getBytes(StandardCharsets.UTF_8)) + ".dir";
        return "    - path: " + path + "\n      hash: md5\n      md5: " + digest + "\n      size: " + size
                + "\n      nfiles: " + files.size() + "\n";
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    private static void put(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
