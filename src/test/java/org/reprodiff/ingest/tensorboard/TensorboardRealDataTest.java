package org.reprodiff.ingest.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reprodiff.ingest.ImportResult;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Progress;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/**
 * Real TensorBoard logs in {@code ../shared/realdata}, read in place and found the way the project scanner finds
 * them (top-down, nothing asked below a claimed folder). Every expected value was decoded from the files with an
 * independent Python reader (struct + a CRC-32C table) before this test was written; floats are the 32-bit values
 * widened to double.
 */
class TensorboardRealDataTest {
    private static final TensorboardImporter IMPORTER = new TensorboardImporter();
    private static final String LIGHTNING = "tensorboard/GiulioZani__facial-expression-recognition/lightning_logs";
    private static final String KERAS_TRAIN = "mlflow_mlruns/10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns/1/"
            + "ed05f9cd599442fe9a0c9222184710b8/artifacts/tensorboard_logs/train";

    /** Runs by native id, with the sources found. */
    private record Found(List<Path> sources, Map<String, Run> runs) {
    }

    private static Found importTree(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        walk(root, sources);
        Map<String, Run> runs = new TreeMap<>();
        for (Path source : sources) {
            for (Path unit : IMPORTER.units(source)) {
                ImportResult result = IMPORTER.read(unit, Progress.NONE);
                for (Run run : result.runs()) {
                    runs.put(run.nativeId(), run);
                }
            }
        }
        return new Found(sources, runs);
    }

    private static void walk(Path dir, List<Path> found) throws IOException {
        if (IMPORTER.canRead(dir)) {
            found.add(dir);
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
            stream.forEach(children::add);
        }
        children.sort(null);
        for (Path child : children) {
            walk(child, found);
        }
    }

    @Test
    void lightningLogsAreFiveRunsWithAddScalarsFoldersAttached() throws IOException {
        Path root = RealData.require(LIGHTNING);
        Map<String, String> before = TreeSnapshot.of(root);
        Found found = importTree(root);
        assertEquals(5, found.sources().size());
        assertEquals(List.of("version_0", "version_1", "version_13", "version_14", "version_16"),
                new ArrayList<>(found.runs().keySet()));
        for (Run run : found.runs().values()) {
            assertEquals(root.resolve(run.nativeId()).toRealPath().toString(), run.source());
            assertEquals("lightning_logs", run.experiment());
            assertEquals(RunStatus.FINISHED, run.status(), "session end info says STATUS_SUCCESS");
            assertTrue(run.problems().isEmpty(), run.problems().toString());
            assertFalse(run.truncated());
        }
        assertEquals(before, TreeSnapshot.of(root), "the logs were only read");
    }

    @Test
    void hparamsWrittenTwiceAreMergedWithSlashesAsDots() throws IOException {
        Map<String, Run> runs = importTree(RealData.require(LIGHTNING)).runs();
        Run v1 = runs.get("version_1");
        assertEquals(20, v1.params().size());
        assertEquals(18.0, v1.param("train_batch_size").value().number());
        assertEquals("18", v1.param("train_batch_size").value().raw());
        assertEquals(16.0, v1.param("params.train_batch_size").value().number());
        assertEquals(0.0002, v1.param("params.lr").value().number());
        assertEquals("0.0002", v1.param("params.lr").value().raw());
        assertEquals(ParamValue.string("/mnt/preprocessed_data.h5"), v1.param("params.data_location").value());
        assertEquals(ParamValue.Type.NUMBER, v1.param("params.cuda").value().type(), "Lightning wrote the bool as 1.0");
        assertEquals(1.0, v1.param("params.cuda").value().number());

        Run v13 = runs.get("version_13");
        assertEquals(24, v13.params().size());
        assertEquals(ParamValue.string("classify_videos"), v13.param("params.exec").value());
        assertEquals(0.5, v13.param("params.dropout").value().number());
        assertEquals(21.0, v13.param("train_batch_size").value().number());
        assertEquals(v13.params(), runs.get("version_16").params(), "13 and 16 are nominally identical reruns");
        assertEquals(6.0, runs.get("version_14").param("params.train_batch_size").value().number());
    }

    @Test
    void lightningSeriesHaveTheirLengthsStepsAndLastValues() throws IOException {
        Map<String, Run> runs = importTree(RealData.require(LIGHTNING)).runs();
        Run v1 = runs.get("version_1");
        assertEquals(List.of("epoch", "hp_metric", "val_acc", "val_loss"), keys(v1));
        assertSeries(v1.metric("val_acc"), new long[] {1549, 3099}, new double[] {0.21560077369213104, 0.322674423456192});
        assertSeries(v1.metric("val_loss"), new long[] {1549, 3099}, new double[] {0.7843992114067078, 0.6773256063461304});
        assertSeries(v1.metric("epoch"), new long[] {1549, 3099}, new double[] {0.0, 1.0});
        assertSeries(v1.metric("hp_metric"), new long[] {0, 0}, new double[] {-1.0, -1.0});
        assertEquals(1653057565971L, v1.metric("val_acc").wallTimes()[0], "1653057565.9713385 s rounded to ms");
        assertEquals(Instant.ofEpochMilli(1653057443230L), v1.startTime());
        assertEquals(Instant.ofEpochMilli(1653057688681L), v1.endTime());

        assertEquals(List.of("hp_metric"), keys(runs.get("version_0")));
    }

    @Test
    void addScalarsSubFoldersBecomeSeriesOfTheirParent() throws IOException {
        Map<String, Run> runs = importTree(RealData.require(LIGHTNING)).runs();
        Run v13 = runs.get("version_13");
        assertEquals(List.of("epoch", "hp_metric",
                "train_performance/Accuracy", "train_performance/Precision", "train_performance/Recall",
                "train_performance/loss", "val_acc",
                "val_loss", "val_performance/Accuracy", "val_performance/Precision", "val_performance/Recall",
                "val_performance/loss"), keys(v13));
        assertSeries(v13.metric("val_performance/Accuracy"), new long[] {1180}, new double[] {0.13123486936092377});
        assertSeries(v13.metric("train_performance/loss"), new long[] {1180}, new double[] {2.07456636428833});
        assertSeries(v13.metric("val_acc"), new long[] {1180}, new double[] {0.13123486936092377});
        assertSeries(v13.metric("epoch"), new long[] {1180, 1180}, new double[] {0.0, 1.0});
        assertEquals(Instant.ofEpochMilli(1653231768921L), v13.startTime());
        assertEquals(Instant.ofEpochMilli(1653231894701L), v13.endTime());

        assertSeries(runs.get("version_14").metric("val_loss"), new long[] {4132}, new double[] {2.0986814498901367});
        assertSeries(runs.get("version_16").metric("val_acc"), new long[] {1180}, new double[] {0.1683615744113922});
        assertEquals(12, runs.get("version_14").metrics().size());
        assertEquals(12, runs.get("version_16").metrics().size());
    }

    @Test
    void kerasV2FileBesideProfileEmptyGivesTenEpochLosses() throws IOException {
        Path train = RealData.require(KERAS_TRAIN);
        Path mlruns = RealData.require("mlflow_mlruns");
        Map<String, String> before = TreeSnapshot.of(train.getParent());
        Found found = importTree(mlruns);
        assertEquals(List.of(train), found.sources(), "only the Keras train folder holds event files");
        Run run = found.runs().get("train");
        assertEquals(train.toRealPath().toString(), run.source());
        assertEquals("tensorboard_logs", run.experiment());
        assertEquals(List.of("epoch_loss"), keys(run), "the Keras graph and the run-metadata graph are skipped");
        MetricSeries loss = run.metric("epoch_loss");
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, loss.steps());
        assertEquals(332.6841735839844, loss.values()[0]);
        assertEquals(234.7978057861328, loss.last());
        assertTrue(run.params().isEmpty());
        assertEquals(RunStatus.UNKNOWN, run.status());
        assertTrue(run.problems().isEmpty(), run.problems().toString());
        assertEquals(before, TreeSnapshot.of(train.getParent()));
    }

    @Test
    void profileEmptyFileAloneIsNotARun() throws IOException {
        Path train = RealData.require(KERAS_TRAIN);
        assertTrue(IMPORTER.canRead(train));
        assertFalse(IMPORTER.canRead(train.resolve("plugins")));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(train, "*.profile-empty")) {
            for (Path f : files) {
                assertFalse(IMPORTER.canRead(f), "a file is never a source");
            }
        }
    }

    @Test
    void wandbFixtureEventFileHasSixSeriesOfSeventeenPoints() throws IOException {
        Path assets = RealData.require("fixtures/wandb__wandb/tests/assets");
        Map<String, String> before = TreeSnapshot.of(assets);
        Found found = importTree(RealData.require("fixtures/wandb__wandb"));
        assertEquals(List.of(assets), found.sources());
        Run run = found.runs().get("assets");
        assertEquals(List.of("batch_acc", "batch_loss", "epoch_acc", "epoch_loss", "epoch_val_acc", "epoch_val_loss"),
                keys(run));
        for (MetricSeries s : run.metrics()) {
            assertEquals(17, s.size(), s.key());
            assertEquals(0, s.firstStep());
            assertEquals(16, s.lastStep());
        }
        assertEquals(2.932505594799295e-05, run.metric("batch_loss").last());
        assertEquals(2.95634672511369e-05, run.metric("epoch_val_loss").values()[0]);
        assertEquals(3.9135773181915283, run.metric("epoch_loss").values()[0]);
        assertEquals(1.0, run.metric("epoch_acc").last());
        assertTrue(run.problems().isEmpty(), run.problems().toString());
        assertNull(run.param("anything"));
        assertEquals(before, TreeSnapshot.of(assets));
    }

    private static List<String> keys(Run run) {
        return run.metrics().stream().map(MetricSeries::key).toList();
    }

    private static void assertSeries(MetricSeries s, long[] steps, double[] values) {
        assertArrayEquals(steps, s.steps(), s.key());
        assertArrayEquals(values, s.values(), s.key());
    }
}
