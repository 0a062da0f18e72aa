package org.reprodiff.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.Services;
import org.reprodiff.store.SqliteRunStore;

/**
 * The reopen scenario of the benchmark: opening an existing project database (the MLflow scenario's, with every
 * run of it) and getting the rows of the runs table, {@code RunService.list()}; timed from opening the database
 * to the list in hand, median of a few rounds after a warm-up. The anchor is the {@code sqlite3} command-line
 * shell running the same two statements the store's listing runs, its process start included.
 *
 * <p>Invariant: a listing with fewer rows than runs imported stops the benchmark.
 */
final class ReopenBenchmark {
    /** The statements of {@code SqliteRunStore.list()}: the summary columns, then every run's metric keys. */
    private static final String LISTING_SQL = SqliteRunStore.SUMMARY_SELECT + " ORDER BY r.id; "
            + SqliteRunStore.METRIC_KEYS_SELECT + " GROUP BY run_id;";

    private final Benchmarks.Sizes sizes;
    private final AnchorCommands anchors;
    private final PrintStream log;

    ReopenBenchmark(Benchmarks.Sizes sizes, AnchorCommands anchors, PrintStream log) {
        this.sizes = sizes;
        this.anchors = anchors;
        this.log = log;
    }

    BenchRow reopen(Path database) throws Exception {
        int rounds = 7;
        long[] times = new long[rounds];
        for (int i = -2; i < rounds; i++) {
            long start = System.nanoTime();
            try (Services services = Composition.services(database)) {
                List<RunSummary> rows = services.runs().list();
                long elapsed = System.nanoTime() - start;
                if (rows.size() != sizes.mlflowRuns()) {
                    throw new IllegalStateException("listed " + rows.size() + " runs of " + sizes.mlflowRuns());
                }
                if (i >= 0) {
                    times[i] = elapsed;
                }
            }
        }
        Arrays.sort(times);
        double median = times[rounds / 2] / 1e9;
        log.printf(Locale.ROOT, "reopen: median %.1f ms, best %.1f ms%n", median * 1e3, times[0] / 1e6);
        AnchorCommands.Anchor sqlite = anchors.time("sqlite3 CLI select of the same rows", List.of("sqlite3:sqlite3"),
                "sqlite3 \"$0\" \"$1\" > /dev/null", List.of(database.toString(), LISTING_SQL), AnchorCommands.milliseconds());
        return BenchRow.timed(String.format(Locale.ROOT, "reopen %,d-run project (open + runs table rows)", sizes.mlflowRuns()),
                AnchorCommands.milliseconds().apply(median), median, sqlite, 1.0, "≤ 300 ms; ratio ≤ 1");
    }
}
