package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command's contract, on its quick sizes: every scenario gives a row with a figure and either an
 * anchor measured beside it or an explicit skip naming the Debian package to install, and the generated inputs
 * are gone afterwards. Timings are never asserted.
 */
class BenchQuickModeTest {
    private static final Pattern NUMBER = Pattern.compile("\\d");

    @TempDir
    Path dir;

    @Test
    void quickRunGivesEveryScenarioAFigureAndAnAnchorOrASkip() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<BenchRow> rows = Benchmarks.run(new Benchmarks.Options(true, dir, false),
                new PrintStream(log, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> expected = List.of("TensorBoard scalars -> store", "MLflow 50 runs -> store", "reopen 50-run project",
                ".wandb history -> store", "CSV metrics -> store", "diff 500 params + 50 packages",
                "overlay two 20,000-point curves: first paint", "overlay two 20,000-point curves: pan/zoom frame",
                "memory: heap per curve point", "memory: every scenario inside -Xmx512m");
        assertEquals(expected.size(), rows.size(), () -> Benchmarks.table(rows) + log);
        for (int i = 0; i < expected.size(); i++) {
            BenchRow row = rows.get(i);
            String where = row + "\n" + log;
            assertTrue(row.scenario().startsWith(expected.get(i)), where);
            assertFalse(row.failed(), where);
            assertTrue(NUMBER.matcher(row.figure()).find(), where);
            boolean skipped = row.anchor().contains("skipped: ");
            if (skipped) {
                assertTrue(row.anchor().contains("install Debian package ")
                        || row.anchor().contains("not limited to 512 MB"), where);
                assertEquals("no verdict: anchor skipped", row.verdict(), where);
            } else {
                assertTrue(Double.isFinite(row.ratio()) && row.ratio() > 0, where);
                assertTrue(row.verdict().equals("met") || row.verdict().equals("NOT met"), where);
            }
        }
        assertEquals(Benchmarks.table(rows), out.toString(StandardCharsets.UTF_8));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the work folder is deleted");
        }
    }

    @Test
    void tablePrintsOneLinePerRowWithTheRatioAsVerdict() {
        List<BenchRow> rows = List.of(
                new BenchRow("fast", "1 ms", "anchor: 2 ms", 0.5, 1.0, "≤ 1"),
                new BenchRow("slow", "3 ms", "anchor: 1 ms", 3.0, 2.5, "≤ 2.5"),
                new BenchRow("no tool", "3 ms", "sqlite3: skipped: install Debian package sqlite3", Double.NaN, 1.0, "≤ 1"),
                BenchRow.failure("broken", "≤ 1", new IllegalStateException("boom")),
                new BenchRow("piped", "1 ms", "find | xargs cat: 2 ms", 0.5, 1.0, "≤ 1"));

        String[] lines = Benchmarks.table(rows).split("\n");

        assertEquals(7, lines.length);
        assertEquals("| fast | 1 ms | anchor: 2 ms | 0.50 | ≤ 1 | met |", lines[2]);
        assertEquals("| slow | 3 ms | anchor: 1 ms | 3.00 | ≤ 2.5 | NOT met |", lines[3]);
        assertEquals("| no tool | 3 ms | sqlite3: skipped: install Debian package sqlite3 | - | ≤ 1 | no verdict: anchor skipped |",
                lines[4]);
        assertEquals("| broken | FAILED: java.lang.IllegalStateException: boom | - | - | ≤ 1 | FAILED |", lines[5]);
        assertEquals("| piped | 1 ms | find \\| xargs cat: 2 ms | 0.50 | ≤ 1 | met |", lines[6]);
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThrows(IllegalArgumentException.class, () -> Benchmarks.Options.parse(new String[] {"--fast"}));
        assertEquals(new Benchmarks.Options(true, Path.of("/x"), true),
                Benchmarks.Options.parse(new String[] {"--quick", "--work", "/x", "--keep"}));
    }
}
