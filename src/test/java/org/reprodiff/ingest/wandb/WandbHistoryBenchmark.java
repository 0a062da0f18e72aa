package org.reprodiff.ingest.wandb;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.WandbSyntheticLog;

/**
 * History import throughput on a large synthetic {@code .wandb} log (issue 5's closing note), next to Python's
 * {@code json.loads} over exactly the same {@code value_json} texts, measured in the same run. Not a test (no
 * timing assertions anywhere); run it by hand after {@code mvn test-compile}:
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.reprodiff.ingest.wandb.WandbHistoryBenchmark [MEGABYTES] [FOLDER]
 * </pre>
 *
 * It writes (seeded, so always the same bytes) {@code FOLDER/run-synth0001.wandb} of about MEGABYTES (default 50) and
 * {@code values.txt}, one value per line; reads the log with {@link WandbImporter} 3 times to warm up and 7
 * times measured; then times {@code json.loads} over the values with {@code python3}, best of 3. It prints the
 * import speed over the whole file (wall and thread CPU time, median and best) and, to compare like with like,
 * the value bytes per second of both.
 */
public final class WandbHistoryBenchmark {
    private WandbHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 50;
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"), "reprodiff-wandb-bench");
        Files.createDirectories(dir);
        Path log = dir.resolve("run-synth0001.wandb");
        Path values = dir.resolve("values.txt");
        WandbSyntheticLog.Written written = WandbSyntheticLog.write(log, 7, megabytes << 20, values);
        double fileMb = written.bytes() / 1e6;
        double valueMb = written.valueBytes() / 1e6;
        System.out.printf("log: %s, %.1f MB, %d history rows, %.1f MB of value_json text%n", log, fileMb,
                written.rows(), valueMb);

        WandbImporter importer = new WandbImporter();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            check(importer.read(log, Progress.NONE), written.rows());
        }
        double[] wall = new double[7];
        double[] cpu = new double[7];
        for (int i = 0; i < wall.length; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            check(importer.read(log, Progress.NONE), written.rows());
            wall[i] = (System.nanoTime() - t) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double python = pythonSeconds(values);
        System.out.printf("java import, whole file: median %.0f MB/s, best %.0f MB/s (wall); median %.0f MB/s"
                + " (thread CPU)%n", fileMb / wall[3], fileMb / wall[0], fileMb / cpu[3]);
        System.out.printf("java import, value bytes per second of the whole import: median %.0f MB/s%n",
                valueMb / wall[3]);
        System.out.printf("python3 json.loads over the same values: %.1f MB/s (%.2f s)%n", valueMb / python, python);
        System.out.printf("ratio (java whole import vs python json.loads alone, value bytes): %.1fx%n",
                python / wall[3]);
    }

    private static void check(ImportResult result, long rows) {
        if (result.runs().size() != 1 || result.runs().get(0).metric("train/loss").size() != rows) {
            throw new IllegalStateException("benchmark import went wrong: " + result.problems());
        }
    }

    /** Best of 3 timings of {@code json.loads} over every line of {@code values}, reading excluded. */
    private static double pythonSeconds(Path values) throws IOException, InterruptedException {
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
        Process p = new ProcessBuilder("python3", "-c", script, values.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException("python3 failed: " + out);
        }
        return Double.parseDouble(out);
    }
}
