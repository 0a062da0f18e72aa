package org.reprodiff.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.model.Progress;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.sample.LargeRunPair;
import org.reprodiff.service.Services;

/**
 * The diff scenario of the benchmark: a seeded pair of runs with many parameters and packages
 * ({@link LargeRunPair}) imported into a fresh database, then {@code CompareService.compare} by run name
 * (loading both runs from the store, as the CLI and the compare screen do) timed after a warm-up; the figure is
 * the median; the comparison of the two loaded runs alone is printed beside it. The anchor is GNU {@code diff} of
 * the two runs' sorted dumps of the same facts.
 *
 * <p>Invariant: a comparison that does not find every planted difference stops the benchmark.
 */
final class DiffBenchmark {
    private final Benchmarks.Sizes sizes;
    private final Path work;
    private final AnchorCommands anchors;
    private final PrintStream log;

    DiffBenchmark(Benchmarks.Sizes sizes, Path work, AnchorCommands anchors, PrintStream log) {
        this.sizes = sizes;
        this.work = work;
        this.anchors = anchors;
        this.log = log;
    }

    BenchRow diff() throws Exception {
        LargeRunPair pair = new LargeRunPair(sizes.params(), sizes.packages(), 7L);
        Path project = work.resolve("diff-project");
        pair.writeMlflowStore(project);
        Path dumpA = work.resolve("diff-a.txt");
        Path dumpB = work.resolve("diff-b.txt");
        pair.writeSortedDump(false, dumpA);
        pair.writeSortedDump(true, dumpB);
        AnchorCommands.Anchor gnuDiff = anchors.time("GNU diff of sorted dumps", List.of("diff:diffutils"),
                "diff \"$0\" \"$1\" > /dev/null; [ $? -le 1 ]", List.of(dumpA.toString(), dumpB.toString()),
                AnchorCommands.milliseconds());
        try (Services services = Composition.services(work.resolve("diff.db"))) {
            services.imports().importPaths(List.of(project), Progress.NONE);
            ComparedRuns last = null;
            for (int i = 0; i < sizes.diffRounds(); i++) {
                last = services.compare().compare(LargeRunPair.NAME_A, LargeRunPair.NAME_B, DiffOptions.DEFAULTS);
            }
            check(pair, last);
            long[] times = new long[sizes.diffRounds()];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                services.compare().compare(LargeRunPair.NAME_A, LargeRunPair.NAME_B, DiffOptions.DEFAULTS);
                times[i] = System.nanoTime() - start;
            }
            long[] alone = new long[times.length];
            for (int i = 0; i < alone.length; i++) {
                long start = System.nanoTime();
                services.compare().compare(last.a(), last.b(), DiffOptions.DEFAULTS);
                alone[i] = System.nanoTime() - start;
            }
            double median = CurveBenchmark.median(times);
            double compareAlone = CurveBenchmark.median(alone);
            log.printf(Locale.ROOT, "diff: median %.1f ms (compare of loaded runs alone %.1f ms) over %d rounds%n",
                    median * 1e3, compareAlone * 1e3, times.length);
            return BenchRow.timed(String.format(Locale.ROOT, "diff %,d params + %,d packages (load both + compare)",
                            sizes.params(), sizes.packages()), String.format(Locale.ROOT, "%.1f ms (compare alone %.1f ms)",
                            median * 1e3, compareAlone * 1e3), median,
                    gnuDiff, 3.0, "≤ 50 ms; ratio ≤ 3");
        }
    }

    private static void check(LargeRunPair pair, ComparedRuns compared) {
        int params = compared.comparison().params().differences().size();
        int packages = compared.comparison().packages().differences().size();
        if (params != pair.changedParams() || packages != pair.changedPackages()) {
            throw new IllegalStateException("diff found " + params + " parameter and " + packages
                    + " package differences, expected " + pair.changedParams() + " and " + pair.changedPackages());
        }
    }
}
