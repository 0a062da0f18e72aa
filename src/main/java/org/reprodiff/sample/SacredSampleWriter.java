package org.reprodiff.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.reprodiff.model.PythonFloatFormat;

/**
 * Writes the Sacred part of the demo project, {@code sample-runs/sacred/}: a {@code FileStorageObserver} folder
 * as Sacred 0.8.5 leaves it ({@code _sources/train_<md5>.py} and run folders {@code 1/}, {@code 2/} with
 * {@code config.json}, {@code run.json}, {@code metrics.json} and {@code cout.txt}). The two runs are a seed-only
 * pair: the same config except {@code seed} ({@value #SEED_A} vs {@value #SEED_B}), the same commit, source
 * digest, packages and machine; their curves ({@link CurveModel}) differ from step 0 and end close together.
 *
 * <p>Every file is written as Python's {@code json.dump(obj, sort_keys=True, indent=2)} writes it (floats as
 * {@code repr}, strings ASCII-escaped), times as naive UTC {@code isoformat()} strings. Invariants: the bytes are
 * a function of {@link #SEED} only (no clock, no path of this machine: {@code base_dir} is a fictional
 * {@code /home/demo/reprodiff-sample}); {@link #write} deletes and rewrites only the folder it is given, and only
 * inside a folder named {@code sample-runs} or an empty one ({@link SampleFolder}).
 */
public final class SacredSampleWriter {
    public static final long SEED = 20231204L;
    public static final long SEED_A = 101;
    public static final long SEED_B = 202;
    public static final int STEPS = 200;
    public static final int STEPS_PER_EPOCH = 20;
    public static final String EXPERIMENT = "cifar10-sacred";
    static final String MAIN_FILE = "train.py";
    static final String SOURCE = String.join("\n",
            "from sacred import Experiment",
            "from sacred.observers import FileStorageObserver",
            "",
            "ex = Experiment(\"" + EXPERIMENT + "\")",
            "ex.observers.append(FileStorageObserver(\"sample-runs/sacred\"))",
            "",
            "",
            "@ex.config",
            "def config():",
            "    lr = 0.001",
            "    batch_size = 128",
            "",
            "",
            "@ex.automain",
            "def train(lr, batch_size, _run):",
            "    ...",
            "");
    /** 2023-12-04T11:00:00Z, in seconds. */
    private static final long START = 1_701_687_600L;
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private SacredSampleWriter() {
    }

    /**
     * Deletes {@code sacredFolder} and writes the pair there. Its parent must be named {@code sample-runs}, or be
     * empty, or not exist; anything else is refused ({@link IllegalArgumentException}) so user data cannot be wiped.
     */
    public static void write(Path sacredFolder) throws IOException {
        Path folder = sacredFolder.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        if (parent == null || folder.getFileName() == null) {
            throw new IllegalArgumentException("not a folder to write into: " + sacredFolder);
        }
        Path target = SampleFolder.clear(parent, folder.getFileName().toString());
        SplittableRandom random = new SplittableRandom(SEED);
        String commit = WandbSampleGenerator.hex(random, 40);
        String stored = "_sources/train_" + md5(SOURCE) + ".py";
        Files.createDirectories(target.resolve("_sources"));
        Files.writeString(target.resolve(stored), SOURCE, StandardCharsets.UTF_8);
        long startMicros = START * 1_000_000L + random.nextLong(1, 1_000_000);
        long end = writeRun(target, 1, SEED_A, commit, stored, startMicros, random);
        writeRun(target, 2, SEED_B, commit, stored, end + random.nextLong(30_000_000L, 90_000_000L), random);
    }

    /** Writes run {@code id}; returns its stop time in epoch microseconds. */
    private static long writeRun(Path base, int id, long seed, String commit, String stored, long startMicros,
                                 SplittableRandom random) throws IOException {
        Path dir = Files.createDirectories(base.resolve(Integer.toString(id)));
        CurveModel.Curves curves = CurveModel.simulate(new CurveModel.Inputs(0.001, seed, STEPS, -1, 0));
        List<Object> steps = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        List<Object> loss = new ArrayList<>();
        List<Object> valSteps = new ArrayList<>();
        List<Object> valTimes = new ArrayList<>();
        List<Object> valLoss = new ArrayList<>();
        List<Object> valAccuracy = new ArrayList<>();
        long clock = startMicros + random.nextLong(2_500_000L, 4_000_000L);
        for (int step = 0; step < STEPS; step++) {
            clock += random.nextLong(240_000L, 260_000L);
            steps.add((long) step);
            times.add(iso(clock));
            loss.add(curves.trainLoss()[step]);
            if ((step + 1) % STEPS_PER_EPOCH == 0) {
                clock += random.nextLong(900_000L, 1_100_000L);
                valSteps.add((long) step);
                valTimes.add(iso(clock));
                valLoss.add(curves.valLoss()[step]);
                valAccuracy.add(curves.valAccuracy()[step]);
            }
        }
        long stopMicros = clock + random.nextLong(200_000L, 600_000L);

        Map<String, Object> metrics = new TreeMap<>();
        metrics.put("train.loss", series(steps, times, loss));
        metrics.put("val.loss", series(valSteps, valTimes, valLoss));
        metrics.put("val.accuracy", series(valSteps, valTimes, valAccuracy));
        Files.writeString(dir.resolve("metrics.json"), PythonJson.dump(metrics), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("config.json"), PythonJson.dump(config(seed)), StandardCharsets.UTF_8);
        double result = curves.valAccuracy()[STEPS - 1];
        Files.writeString(dir.resolve("run.json"),
                PythonJson.dump(runEntry(seed, commit, stored, startMicros, stopMicros, result)), StandardCharsets.UTF_8);
        long seconds = (stopMicros - startMicros) / 1_000_000L;
        Files.writeString(dir.resolve("cout.txt"), "INFO - " + EXPERIMENT + " - Running command 'train'\n"
                + "INFO - " + EXPERIMENT + " - Started run with ID \"" + id + "\"\n"
                + "INFO - " + EXPERIMENT + " - Result: " + PythonFloatFormat.repr(result) + "\n"
                + "INFO - " + EXPERIMENT + " - Completed after " + String.format(Locale.ROOT, "%d:%02d:%02d",
                seconds / 3600, seconds / 60 % 60, seconds % 60) + "\n", StandardCharsets.UTF_8);
        return stopMicros;
    }

    private static Map<String, Object> series(List<Object> steps, List<Object> times, List<Object> values) {
        Map<String, Object> m = new TreeMap<>();
        m.put("steps", steps);
        m.put("timestamps", times);
        m.put("values", values);
        return m;
    }

    private static Map<String, Object> config(long seed) {
        Map<String, Object> model = new TreeMap<>();
        model.put("arch", "resnet");
        model.put("depth", 18L);
        Map<String, Object> c = new TreeMap<>();
        c.put("batch_size", 128L);
        c.put("epochs", (long) (STEPS / STEPS_PER_EPOCH));
        c.put("lr", 0.001);
        c.put("model", model);
        c.put("optimizer", "adamw");
        c.put("seed", seed);
        c.put("weight_decay", 5e-4);
        return c;
    }

    private static Map<String, Object> runEntry(long seed, String commit, String stored, long startMicros,
                                                long stopMicros, double result) {
        Map<String, Object> repo = new TreeMap<>();
        repo.put("commit", commit);
        repo.put("dirty", false);
        repo.put("url", "https://github.com/example/" + EXPERIMENT + ".git");
        Map<String, Object> experiment = new TreeMap<>();
        experiment.put("base_dir", "/home/demo/reprodiff-sample");
        experiment.put("dependencies", List.of("numpy==1.26.2", "sacred==0.8.5", "torch==2.1.2", "torchvision==0.16.2"));
        experiment.put("mainfile", MAIN_FILE);
        experiment.put("name", EXPERIMENT);
        experiment.put("repositories", List.of(repo));
        experiment.put("sources", List.of(List.of(MAIN_FILE, stored)));

        Map<String, Object> gpu = new TreeMap<>();
        gpu.put("model", "NVIDIA GeForce RTX 3090");
        gpu.put("persistence_mode", false);
        gpu.put("total_memory", 24576L);
        Map<String, Object> gpus = new TreeMap<>();
        gpus.put("driver_version", "535.129.03");
        gpus.put("gpus", List.of(gpu));
        Map<String, Object> host = new TreeMap<>();
        host.put("ENV", new TreeMap<>());
        host.put("cpu", "AMD Ryzen 9 5950X 16-Core Processor");
        host.put("gpus", gpus);
        host.put("hostname", "demo-workstation");
        host.put("os", List.of("Linux", "Linux-6.2.0-39-generic-x86_64-with-glibc2.35"));
        host.put("python_version", "3.10.12");

        Map<String, Object> options = new TreeMap<>();
        for (String flag : List.of("--debug", "--force", "--help", "--pdb", "--print-config", "--queue", "--unobserved")) {
            options.put(flag, false);
        }
        for (String unset : List.of("--beat-interval", "--capture", "--comment", "--file_storage", "--id", "--loglevel",
                "--mongo_db", "--name", "--priority", "--s3", "--sql", "--tiny_db", "COMMAND")) {
            options.put(unset, null);
        }
        options.put("UPDATE", List.of("seed=" + seed));
        options.put("help", false);
        options.put("with", true);
        Map<String, Object> updates = new TreeMap<>();
        updates.put("seed", seed);
        Map<String, Object> meta = new TreeMap<>();
        meta.put("command", "train");
        meta.put("config_updates", updates);
        meta.put("named_configs", List.of());
        meta.put("options", options);

        Map<String, Object> run = new TreeMap<>();
        run.put("artifacts", List.of());
        run.put("command", "train");
        run.put("experiment", experiment);
        run.put("heartbeat", iso(stopMicros - 1_500L));
        run.put("host", host);
        run.put("meta", meta);
        run.put("resources", List.of());
        run.put("result", result);
        run.put("start_time", iso(startMicros));
        run.put("status", "COMPLETED");
        run.put("stop_time", iso(stopMicros));
        return run;
    }

    /** Python's {@code datetime.isoformat()} of a naive UTC time (the fraction only when it is not zero). */
    static String iso(long epochMicros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), 0, ZoneOffset.UTC);
        long micros = Math.floorMod(epochMicros, 1_000_000L);
        return ISO_SECONDS.format(t) + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code json.dumps(obj, sort_keys=True, indent=2)} of plain data (maps are given sorted). */
    static final class PythonJson {
        private PythonJson() {
        }

        static String dump(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, 0, out);
            return out.toString();
        }

        private static void write(Object v, int level, StringBuilder out) {
            if (v instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                String sep = "\n";
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(sep).append("  ".repeat(level + 1)).append(MlflowFileStoreWriter.json(String.valueOf(e.getKey()))).append(": ");
                    write(e.getValue(), level + 1, out);
                    sep = ",\n";
                }
                out.append('\n').append("  ".repeat(level)).append('}');
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                String sep = "\n";
                for (Object item : l) {
                    out.append(sep).append("  ".repeat(level + 1));
                    write(item, level + 1, out);
                    sep = ",\n";
                }
                out.append('\n').append("  ".repeat(level)).append(']');
            } else if (v instanceof Double d) {
                out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PythonFloatFormat.repr(d));
            } else if (v instanceof String s) {
                out.append(MlflowFileStoreWriter.json(s));
            } else {
                out.append(v);
            }
        }
    }
}
