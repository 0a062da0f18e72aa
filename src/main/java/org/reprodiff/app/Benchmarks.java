package org.reprodiff.app;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprodiff.sample.SampleFolder;

/**
 * The benchmark command: {@code java -jar target/reprodiff.jar bench [--quick] [--work DIR] [--keep]}. Generates
 * every input (seeded, into a fresh folder under {@code DIR}, default the system temp folder, deleted at the end
 * unless {@code --keep}), measures each scenario and, in the same run on the same input, its anchor, and prints
 * one Markdown table: scenario, figure, anchor, ratio (our cost over the anchor's: lower is better), goal and
 * verdict (by the ratio, since machines differ). {@code --quick} uses small inputs, for a smoke test.
 *
 * <p>Invariants: the scenarios run in a child JVM started with {@code -Xmx512m} (this JVM relaunches itself
 * unless its heap is already limited so), so the memory row's "inside 512 MB" holds for every scenario; a
 * scenario that fails is a row saying so and makes the exit status 1; an anchor whose tool is missing is a row
 * saying which Debian package to install. Anchor tools: {@code dd}, {@code cat} (coreutils), {@code find},
 * {@code xargs} (findutils), {@code diff} (diffutils), {@code python3}, {@code sqlite3}.
 */
public final class Benchmarks {
    static final String CHILD_PROPERTY = "reprodiff.bench.child";

    /** Input sizes and repetitions of one benchmark run. */
    record Sizes(long tensorboardEvents, int mlflowRuns, long wandbBytes, long csvBytes, int params, int packages,
                 int curvePoints, int xyProbePoints, int measuredPasses, int diffRounds, int anchorRepeats) {
        static final Sizes FULL = new Sizes(2_000_000, 10_000, 50_000_000, 30_000_000, 10_000, 1_000, 1_000_000,
                100_000, 2, 30, 3);
        static final Sizes QUICK = new Sizes(20_000, 50, 500_000, 300_000, 500, 50, 20_000, 20_000, 1, 3, 1);
    }

    /** What the command line asked for. */
    record Options(boolean quick, Path work, boolean keep) {
        static Options parse(String[] args) {
            boolean quick = false;
            boolean keep = false;
            Path work = Path.of(System.getProperty("java.io.tmpdir"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--keep" -> keep = true;
                    case "--work" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--work needs a folder");
                        }
                        work = Path.of(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (usage: bench [--quick] [--work DIR] [--keep])");
                }
            }
            return new Options(quick, work, keep);
        }
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** Runs the benchmark in a child JVM limited to 512 MB of heap (or here, when this JVM is); the exit status. */
    public static int launch(String[] args) {
        try {
            Options options = Options.parse(args);
            if (Boolean.getBoolean(CHILD_PROPERTY) || Runtime.getRuntime().maxMemory() <= HeapBenchmark.LIMIT_BYTES + (16 << 20)) {
                List<BenchRow> rows = run(options, System.err, System.out);
                return rows.stream().anyMatch(BenchRow::failed) ? 1 : 0;
            }
            return relaunch(args);
        } catch (IllegalArgumentException e) {
            System.err.println("reprodiff bench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("reprodiff bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int relaunch(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-D" + CHILD_PROPERTY + "=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Benchmarks.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /**
     * Every scenario, in order; {@code log} receives progress and details, {@code out} the table (before the work
     * folder is deleted, which takes a while for the MLflow trees).
     */
    static List<BenchRow> run(Options options, PrintStream log, PrintStream out) throws IOException {
        Sizes sizes = options.quick() ? Sizes.QUICK : Sizes.FULL;
        Files.createDirectories(options.work());
        Path work = Files.createTempDirectory(options.work(), "reprodiff-bench");
        HeapBenchmark.resetPeaks();
        log.printf(Locale.ROOT, "reprodiff bench%s in %s: %d processors, java %s, max heap %,d MB, load average %s%n",
                options.quick() ? " --quick" : "", work, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        long start = System.nanoTime();
        AnchorCommands anchors = new AnchorCommands(sizes.anchorRepeats());
        ImportBenchmark imports = new ImportBenchmark(sizes, work, anchors, log);
        DiffBenchmark diff = new DiffBenchmark(sizes, work, anchors, log);
        ReopenBenchmark reopen = new ReopenBenchmark(sizes, anchors, log);
        CurveBenchmark curves = new CurveBenchmark(sizes, log);
        HeapBenchmark heap = new HeapBenchmark(sizes, log);
        List<BenchRow> rows = new ArrayList<>();
        try {
            scenario(rows, log, "TensorBoard scalars -> store", "≥ 500 MB/s; ratio ≤ 2.5", () -> List.of(imports.tensorboard()));
            scenario(rows, log, "MLflow runs -> store", "≥ 5,000 runs/s; ratio ≤ 1", () -> List.of(imports.mlflow()));
            scenario(rows, log, "reopen project", "≤ 300 ms; ratio ≤ 1",
                    () -> List.of(reopen.reopen(imports.projectDatabase())));
            scenario(rows, log, ".wandb history -> store", "≥ 150 MB/s; ratio ≤ 0.5", () -> List.of(imports.wandb()));
            scenario(rows, log, "CSV metrics -> store", "≥ 150 MB/s; ratio ≤ 1", () -> List.of(imports.csv()));
            scenario(rows, log, "diff params + packages", "≤ 50 ms; ratio ≤ 3", () -> List.of(diff.diff()));
            scenario(rows, log, "overlay two curves", "≤ 50 ms first paint, ≤ 16 ms per frame; ratio ≤ 0.1", curves::overlay);
            scenario(rows, log, "memory: heap per curve point", "ratio ≤ 0.05", () -> List.of(heap.perPoint()));
            rows.add(heap.heapLimit(rows.stream().anyMatch(r -> r.figure().contains("OutOfMemoryError"))));
            log.printf(Locale.ROOT, "bench done in %.0f s wall, %.0f s process CPU; load average %s%n",
                    (System.nanoTime() - start) / 1e9, processCpuNanos() / 1e9, loadAverage());
            out.print(table(rows));
            out.flush();
        } finally {
            if (!options.keep()) {
                SampleFolder.deleteTree(work);
            }
        }
        return rows;
    }

    /** A scenario's rows, measured; what went wrong, in one failed row. */
    private interface Scenario {
        List<BenchRow> measure() throws Exception;
    }

    private static void scenario(List<BenchRow> rows, PrintStream log, String name, String goal, Scenario scenario) {
        try {
            rows.addAll(scenario.measure());
        } catch (Exception | OutOfMemoryError e) {
            e.printStackTrace(log);
            rows.add(BenchRow.failure(name, goal, e));
        }
    }

    /** The rows as a Markdown table. */
    static String table(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | figure | anchor (same run, same input) | ratio | goal | verdict |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (BenchRow r : rows) {
            List<String> cells = List.of(r.scenario(), r.figure(), r.anchor(), r.ratioText(), r.goal(), r.verdict());
            out.append("| ").append(String.join(" | ", cells.stream()
                    .map(c -> c.replace("|", "\\|").replace("\n", " ")).toList())).append(" |\n");
        }
        return out.toString();
    }

    /** CPU time of this whole process so far (every thread), or 0 where the JVM does not say. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
