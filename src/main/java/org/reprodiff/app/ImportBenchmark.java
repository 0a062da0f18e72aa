package org.reprodiff.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.MetricLogCsv;
import org.reprodiff.sample.SampleProjectGenerator;
import org.reprodiff.sample.TensorboardScalarLog;
import org.reprodiff.sample.WandbSyntheticLog;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.Services;

/**
 * The import scenarios of the benchmark: a TensorBoard scalar event file, an MLflow file store, a {@code .wandb}
 * log and a CSV metric log, each generated (seeded) into the work folder and imported through
 * {@code ImportService} exactly as the app imports a folder: scan, read, save in the store. Each import goes into
 * a fresh database: one warm-up pass (JIT, page cache), then the measured passes, the best of which is the figure.
 * The MLflow scenario warms up on a store a tenth of the size (another seed) and measures one pass, which keeps the
 * whole benchmark within its ten minutes. Beside each, its anchor on the same input.
 *
 * <p>Invariants: an import that reads fewer runs than written, or reports a problem, stops the benchmark (a fast
 * import of nothing proves nothing); the database of the MLflow scenario's last pass is kept as the project of
 * the reopen scenario.
 */
final class ImportBenchmark {
    private static final String COREUTILS = "coreutils";

    /** A measured import: wall-clock seconds (the figure) and the process CPU seconds spent meanwhile. */
    private record Timing(double wall, double cpu) {
        /** The figure by wall clock, then the CPU time, which shows how much a busy machine held the import back. */
        String describe(java.util.function.DoubleFunction<String> rate) {
            return rate.apply(wall) + String.format(Locale.ROOT, "; %.2f s CPU", cpu);
        }
    }

    private final Benchmarks.Sizes sizes;
    private final Path work;
    private final AnchorCommands anchors;
    private final PrintStream log;
    private Path projectDatabase;

    ImportBenchmark(Benchmarks.Sizes sizes, Path work, AnchorCommands anchors, PrintStream log) {
        this.sizes = sizes;
        this.work = work;
        this.anchors = anchors;
        this.log = log;
    }

    BenchRow tensorboard() throws Exception {
        Path folder = work.resolve("tensorboard").resolve("run");
        TensorboardScalarLog.Written file = TensorboardScalarLog.write(folder, sizes.tensorboardEvents(), 10, 20240501L);
        log.printf(Locale.ROOT, "tensorboard: %,d events over %d tags, %,d bytes%n", file.events(), file.tags(), file.bytes());
        AnchorCommands.Anchor dd = anchors.time("dd iflag=direct", List.of("dd:" + COREUTILS),
                "dd if=\"$0\" of=/dev/null bs=4M iflag=direct", List.of(file.file().toString()),
                AnchorCommands.megabytesPerSecond(file.bytes()));
        Timing t = importSeconds("tensorboard", folder.getParent());
        return BenchRow.timed(String.format(Locale.ROOT, "TensorBoard scalars -> store (%.0f MB, %,d events)",
                        file.bytes() / 1e6, file.events()), t.describe(AnchorCommands.megabytesPerSecond(file.bytes())),
                t.wall(), dd, 2.5, "≥ 500 MB/s; ratio ≤ 2.5");
    }

    BenchRow mlflow() throws Exception {
        Path store = work.resolve("mlflow").resolve("mlruns");
        int runs = sizes.mlflowRuns();
        long start = System.nanoTime();
        SampleProjectGenerator.writeSyntheticStore(store, runs, 20, 10, 5, 100, 42L);
        log.printf(Locale.ROOT, "mlflow: %,d runs (20 params, 10 tags, 5 metrics x 100 points) written in %.1f s%n",
                runs, (System.nanoTime() - start) / 1e9);
        AnchorCommands.Anchor cat = anchors.time("find | xargs cat", List.of("find:findutils", "xargs:findutils",
                        "cat:" + COREUTILS), "find \"$0\" -type f -print0 | xargs -0 cat > /dev/null",
                List.of(store.toString()), s -> String.format(Locale.ROOT, "%,.0f runs/s (%.2f s)", runs / s, s));
        Path warmUp = work.resolve("mlflow-warm-up").resolve("mlruns");
        int warmUpRuns = Math.max(1, runs / 10);
        SampleProjectGenerator.writeSyntheticStore(warmUp, warmUpRuns, 20, 10, 5, 100, 43L);
        Timing t = importSeconds("mlflow", warmUp.getParent(), warmUpRuns, store.getParent(), runs, 1, true);
        return BenchRow.timed(String.format(Locale.ROOT, "MLflow %,d runs -> store", runs),
                t.describe(x -> String.format(Locale.ROOT, "%,.0f runs/s (%.2f s)", runs / x, x)), t.wall(), cat, 1.0,
                "≥ 5,000 runs/s; ratio ≤ 1");
    }

    BenchRow wandb() throws Exception {
        Path folder = Files.createDirectories(work.resolve("wandb"));
        Path file = folder.resolve("run-synth0001.wandb");
        Path values = work.resolve("wandb-values.txt");
        WandbSyntheticLog.Written written = WandbSyntheticLog.write(file, 7, sizes.wandbBytes(), values);
        log.printf(Locale.ROOT, "wandb: %,d history rows, %,d bytes, %,d bytes of value_json%n", written.rows(),
                written.bytes(), written.valueBytes());
        AnchorCommands.Anchor python = pythonJsonLoads(values, written.valueBytes());
        Timing t = importSeconds("wandb", folder);
        return BenchRow.timed(String.format(Locale.ROOT, ".wandb history -> store (%.0f MB, %,d rows)",
                        written.bytes() / 1e6, written.rows()), t.describe(AnchorCommands.megabytesPerSecond(written.bytes())),
                t.wall(), python, 0.5, "≥ 150 MB/s; ratio ≤ 0.5");
    }

    BenchRow csv() throws Exception {
        MetricLogCsv.Written written = MetricLogCsv.write(work.resolve("csv"), sizes.csvBytes(), 11L);
        log.printf(Locale.ROOT, "csv: %,d rows, %,d bytes%n", written.rows(), written.bytes());
        AnchorCommands.Anchor sqlite = anchors.time("sqlite3 :memory: .import", List.of("sqlite3:sqlite3"),
                "sqlite3 :memory: -cmd '.mode csv' \".import '$0' t\" 'SELECT count(*) FROM t'",
                List.of(written.file().toString()), AnchorCommands.megabytesPerSecond(written.bytes()));
        Timing t = importSeconds("csv", written.file().getParent().getParent());
        return BenchRow.timed(String.format(Locale.ROOT, "CSV metrics -> store (%.0f MB, %,d rows)",
                        written.bytes() / 1e6, written.rows()), t.describe(AnchorCommands.megabytesPerSecond(written.bytes())),
                t.wall(), sqlite, 1.0, "≥ 150 MB/s; ratio ≤ 1");
    }

    /** The database the MLflow scenario's last pass filled: the project of the reopen scenario. */
    Path projectDatabase() {
        if (projectDatabase == null) {
            throw new IllegalStateException("the MLflow scenario has not run");
        }
        return projectDatabase;
    }

    /**
     * One warm-up import of {@code warmUp} (holding {@code warmUpRuns} runs), then {@code passes} measured imports of
     * {@code input}, each into a fresh database; the best measured wall time. The last measured database is kept
     * when {@code keep} is set (and returned through {@link #projectDatabase}).
     */
    private Timing importSeconds(String name, Path warmUp, int warmUpRuns, Path input, int expectedRuns, int passes,
            boolean keep) throws Exception {
        Timing best = new Timing(Double.MAX_VALUE, 0);
        for (int pass = 0; pass <= passes; pass++) {
            Path db = work.resolve(name + "-pass" + pass + ".db");
            Path source = pass == 0 ? warmUp : input;
            int runs = pass == 0 ? warmUpRuns : expectedRuns;
            double seconds;
            double cpu;
            try (Services services = Composition.services(db)) {
                long cpuStart = Benchmarks.processCpuNanos();
                long start = System.nanoTime();
                ImportReport report = services.imports().importPaths(List.of(source), Progress.NONE);
                seconds = (System.nanoTime() - start) / 1e9;
                cpu = (Benchmarks.processCpuNanos() - cpuStart) / 1e9;
                if (report.total().runs() != runs || !report.problems().isEmpty()) {
                    throw new IllegalStateException(name + " import read " + report.total().runs() + " runs of " + runs
                            + ", problems: " + report.problems());
                }
            }
            log.printf(Locale.ROOT, "  %s %s: %,d runs, %.3f s wall, %.3f s process CPU%n", name,
                    pass == 0 ? "warm-up" : "pass " + pass, runs, seconds, cpu);
            if (pass > 0 && seconds < best.wall()) {
                best = new Timing(seconds, cpu);
            }
            if (keep && pass == passes) {
                projectDatabase = db;
            } else {
                deleteDatabase(db);
            }
        }
        return best;
    }

    private Timing importSeconds(String name, Path input) throws Exception {
        return importSeconds(name, input, 1, input, 1, sizes.measuredPasses(), false);
    }

    /**
     * Python's {@code json.loads} over every value text, best of 3 timed inside Python (reading the file
     * excluded), so that the anchor is the parsing alone.
     */
    private AnchorCommands.Anchor pythonJsonLoads(Path values, long valueBytes) throws IOException, InterruptedException {
        String label = "python3 json.loads of the values";
        if (!AnchorCommands.onPath("python3")) {
            return AnchorCommands.Anchor.skip(label, "no python3 on the PATH: install Debian package python3");
        }
        String script = String.join("\n",
                "import json, sys, time",
                "lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]",
                "best = 1e9",
                "for _ in range(3):",
                "    t = time.perf_counter()",
                "    for s in lines:",
                "        json.loads(s)",
                "    best = min(best, time.perf_counter() - t)",
                "print(best)");
        double seconds = Double.parseDouble(AnchorCommands.output(List.of("python3", "-c", script, values.toString())));
        return new AnchorCommands.Anchor(label, seconds, null, s -> String.format(Locale.ROOT,
                "%,.0f MB/s of values (%.3f s)", valueBytes / 1e6 / s, s));
    }

    private static void deleteDatabase(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }
}
