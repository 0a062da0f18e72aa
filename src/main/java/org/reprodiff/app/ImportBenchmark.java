package org.reprodiff.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reprodiff.model.Progress;
import org.reprodiff.sample.SampleFolder;
import org.reprodiff.sample.SampleProjectGenerator;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.Services;

/**
 * Measures the MLflow import rate: writes a synthetic file store (default 10,000 runs of 20 params, 10 tags and
 * 5 metrics × 100 points), imports it into a fresh database twice in the same JVM (the first pass warms the page
 * cache and the JIT) and prints each pass's runs per second beside the anchor measured on the same tree in the same
 * run: {@code find T -type f -print0 | xargs -0 cat > /dev/null} (goal: 5,000 runs/s, ratio to the anchor ≤ 1).
 * Usage:
 * {@code java -cp target/reprodiff.jar org.reprodiff.app.ImportBenchmark [RUNS] [WORK_FOLDER]} (the work folder
 * defaults to the system temp folder; its file system decides much of the result).
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = args.length > 1 ? Files.createTempDirectory(Path.of(args[1]), "reprodiff-bench")
                : Files.createTempDirectory("reprodiff-bench");
        try {
            Path store = work.resolve("mlruns");
            long t0 = System.nanoTime();
            SampleProjectGenerator.writeSyntheticStore(store, runs, 20, 10, 5, 100, 42L);
            System.out.printf("generated %,d runs in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);
            double anchor = anchorSeconds(store);
            System.out.printf("anchor: find | xargs cat over the same tree in %.2f s = %,.0f runs/s%n", anchor, runs / anchor);
            for (int pass = 1; pass <= 2; pass++) {
                Path db = work.resolve("pass" + pass + ".db");
                try (Services services = Composition.services(db)) {
                    long start = System.nanoTime();
                    ImportReport report = services.imports().importPaths(List.of(store), Progress.NONE);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("pass %d: %,d runs imported in %.2f s = %,.0f runs/s, %.2f × the anchor's time (%d problems)%n",
                            pass, report.total().runs(), seconds, report.total().runs() / seconds, seconds / anchor,
                            report.problems().size());
                }
            }
        } finally {
            SampleFolder.deleteTree(work);
        }
    }

    /** Reads every file of the tree with find and cat, the fastest a reader of these files could be. */
    private static double anchorSeconds(Path tree) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", "find \"$0\" -type f -print0 | xargs -0 cat > /dev/null", tree.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("anchor command failed with exit code " + p.exitValue());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
