package org.reprodiff.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.DataRef;
import org.reprodiff.model.Facet;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.RunSummary;
import org.reprodiff.model.SeedRecord;

class SqliteRunStoreTest {
    @TempDir
    Path dir;

    private static Run run(String source, String id, String lr) {
        return Run.builder("mlflow", source, id)
                .name("run-" + id).experiment("exp").status(RunStatus.FINISHED)
                .startTime(Instant.ofEpochMilli(1_700_000_000_123L)).endTime(Instant.ofEpochMilli(1_700_000_060_000L))
                .user("alice")
                .param("optimizer.lr", ParamValue.fromText(lr))
                .param("layers", ParamValue.list(List.of(ParamValue.number(64, "64"), ParamValue.string("relu")), "[64, 'relu']"))
                .param("seed", ParamValue.fromText("42"))
                .seed(new SeedRecord("sacred.seed", "7", "sacred"))
                .code(new CodeState("git@x:y.git", "abc123", "main", true, "diff --git", "train.py", List.of("--fast"), java.util.Map.of("train.py", "md5")))
                .data(new DataRef("mnist", "d1g3st", "mlflow input"))
                .environment("python", "3.11.2")
                .environment("gpu", "RTX 4090")
                .packageRef(new PackageRef("Scikit_Learn", "1.3.1", null, "pip", "model/requirements.txt"))
                .packageRef(new PackageRef("pip", null, "<=23.1.2", "conda", "model/conda.yaml"))
                .metric(new MetricSeries("loss", new long[] {0, 1, 2, 3, 3}, new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.5},
                        new long[] {10, 20, MetricSeries.NO_TIME, 40, 50}))
                .tag("mlflow.user", "alice")
                .artifact("model/MLmodel")
                .artifactUri("file:///tmp/a")
                .problem(new ImportProblem("/x/metrics/loss", "line 3", "not a number"))
                .build();
    }

    @Test
    void roundTripsEveryFacetAndNonFiniteValuesBitForBit() {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("runs.db"))) {
            Run original = run("/src/a", "r1", "1e-3");
            store.save(original, "/src/a", null);
            RunSummary row = store.list().get(0);
            Run loaded = store.load(row.id()).orElseThrow().run();
            assertEquals(original, loaded);
            double[] values = loaded.metric("loss").values();
            assertTrue(Double.isNaN(values[0]));
            assertEquals(Double.POSITIVE_INFINITY, values[1]);
            assertEquals(Double.NEGATIVE_INFINITY, values[2]);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(values[3]));
            assertArrayEquals(new long[] {10, 20, MetricSeries.NO_TIME, 40, 50}, loaded.metric("loss").wallTimes());
            assertEquals(0.001, loaded.param("optimizer.lr").value().number());
            assertEquals("1e-3", loaded.param("optimizer.lr").value().raw());
            assertEquals(List.of(new SeedRecord("sacred.seed", "7", "sacred"), new SeedRecord("seed", "42", "param")), loaded.seeds());
            assertEquals("scikit-learn", loaded.packages().get(0).name());
            assertFalse(loaded.notCaptured().contains(Facet.HARDWARE));
            assertTrue(loaded.notCaptured().isEmpty(), "every facet was captured: " + loaded.notCaptured());
        }
    }

    @Test
    void reimportReplacesTheRunAndKeepsItsId() {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("runs.db"))) {
            assertEquals(RunStore.Saved.NEW, store.save(run("/src/a", "r1", "0.1"), "/src/a", null));
            assertEquals(RunStore.Saved.NEW, store.save(run("/src/b", "r1", "0.1"), "/src/b", null));
            long id = store.findBySource("/src/a").get(0).id();
            assertEquals(RunStore.Saved.UPDATED, store.save(run("/src/a", "r1", "0.2"), "/src/a", null));
            assertEquals(2, store.count());
            assertEquals(id, store.findBySource("/src/a").get(0).id());
            assertEquals(0.2, store.load(id).orElseThrow().run().param("optimizer.lr").value().number());
            assertEquals(List.of("loss"), store.list().get(0).metricKeys());
        }
    }

    @Test
    void keepsRunsAndUnitsAcrossReopening() {
        Path file = dir.resolve("nested/folder/runs.db");
        try (SqliteRunStore store = SqliteRunStore.open(file)) {
            store.save(run("/src/a", "r1", "0.1"), "/src/a", null);
            store.recordUnit("/src/a", "mlflow", "dir 3 abc");
        }
        try (SqliteRunStore store = SqliteRunStore.open(file)) {
            assertEquals(1, store.count());
            assertEquals("dir 3 abc", store.unitFingerprint("/src/a").orElseThrow());
            assertEquals(1, store.countRunsOfUnit("/src/a"));
            assertTrue(store.unitFingerprint("/src/b").isEmpty());
        }
    }

    @Test
    void findsRunsByNativeIdPrefixWithoutTreatingWildcardsSpecially() {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("runs.db"))) {
            store.save(run("/a", "abc_1", "0.1"), "/a", null);
            store.save(run("/b", "abcx1", "0.1"), "/b", null);
            assertEquals(2, store.findByNativeIdPrefix("abc").size());
            assertEquals(1, store.findByNativeIdPrefix("abc_").size());
            assertEquals(0, store.findByNativeIdPrefix("%").size());
            assertEquals(1, store.findByName("run-abcx1").size());
        }
    }

    @Test
    void runsSharingATwinKeyFormAGroupAndALoneKeyIsNoGroup() {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("runs.db"))) {
            store.save(run("/a", "1", "0.1"), "/a", "k1");
            store.save(run("/b", "2", "0.1"), "/b", "k1");
            store.save(run("/c", "3", "0.1"), "/c", "k2");
            store.save(run("/d", "4", "0.1"), "/d", null);
            assertEquals(java.util.Arrays.asList("k1", "k1", null, null), store.list().stream().map(RunSummary::twinGroup).toList());
            long first = store.list().get(0).id();
            assertEquals(List.of(first, first + 1), store.twinsOf(first));
            assertEquals(List.of(), store.twinsOf(first + 3));
        }
    }

    @Test
    void lastValuesAreReadWithoutTheRunAndNonFiniteOnesAreNaN() {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("runs.db"))) {
            Run withAcc = Run.builder("mlflow", "/src/b", "r2").status(RunStatus.FINISHED)
                    .metric(new MetricSeries("acc", new long[] {0, 1}, new double[] {0.5, 0.75}, new long[] {1, 2}))
                    .metric(new MetricSeries("loss", new long[] {0}, new double[] {Double.POSITIVE_INFINITY}, new long[] {1}))
                    .build();
            store.save(withAcc, "/src/b", null);
            java.util.Map<String, Double> last = store.lastValues(store.list().get(0).id());
            assertEquals(List.of("acc", "loss"), List.copyOf(last.keySet()));
            assertEquals(0.75, last.get("acc"));
            assertTrue(Double.isNaN(last.get("loss")));
            assertTrue(store.lastValues(999).isEmpty());
        }
    }
}
