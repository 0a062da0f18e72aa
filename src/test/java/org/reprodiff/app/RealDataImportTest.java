package org.reprodiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.service.Services;
import org.reprodiff.testing.RealData;
import org.reprodiff.testing.TreeSnapshot;

/** The whole path (scanner, both MLflow importers, store) over the real logs in ../shared/realdata. */
class RealDataImportTest {
    @TempDir
    Path dir;

    @Test
    void importsEveryMlflowFileStoreRunAndWritesNothing() throws Exception {
        Path realdata = RealData.require("mlflow_mlruns");
        Map<String, String> before = TreeSnapshot.of(realdata);
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            ImportReport report = services.imports().importPaths(List.of(realdata), (d, t, w) -> { });
            assertEquals(new ImportReport.Counts(92, 0, 0, 0), report.byFormat().get("mlflow"), report.problems().toString());
            List<RunSummary> runs = services.runs().list().stream().filter(r -> r.format().equals("mlflow")).toList();
            assertEquals(92, runs.size());
            assertEquals(15, runs.stream().filter(r -> r.status() == RunStatus.FAILED).count());
            assertEquals(54, count(runs, "11sleahy__MLFlow_Framework"));
            assertEquals(27, count(runs, "11sleahy__MLFlow_Framework/z_mlruns"));
            assertEquals(37, count(runs, "1ayham1__genre_classification"));
            assertEquals(1, count(runs, "10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text"));

            Run speech = services.runs().resolve("ed05f9cd").run();
            assertEquals(20, speech.params().size());
            MetricSeries loss = speech.metric("loss");
            assertEquals(10, loss.size());
            assertEquals(9, loss.lastStep());
            assertEquals(234.7978057861328, loss.last());
            MetricSeries nested = speech.metric("tensorboard_logs/train/epoch_loss");
            assertEquals(10, nested.size(), "the Keras TensorBoard log saved as an artifact belongs to the run");
            assertEquals(332.6841735839844, nested.values()[0]);
            assertEquals(234.7978057861328, nested.last());
            assertEquals(null, report.byFormat().get("tensorboard"), "and is no run of its own");

            ImportReport again = services.imports().importPaths(List.of(realdata), (d, t, w) -> { });
            assertEquals(new ImportReport.Counts(0, 0, 92, 0), again.byFormat().get("mlflow"));
        }
        assertEquals(before, TreeSnapshot.of(realdata));
    }

    @Test
    void importsTheMlflowDatabasesAndIgnoresArtifactOnlyFolders() throws Exception {
        Path realdata = RealData.require("mlflow_db");
        Map<String, String> before = TreeSnapshot.of(realdata);
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            ImportReport report = services.imports().importPaths(List.of(realdata), (d, t, w) -> { });
            assertTrue(report.problems().isEmpty(), report.problems().toString());
            List<RunSummary> runs = services.runs().list();
            assertEquals(1, runs.size());
            RunSummary row = runs.get(0);
            assertTrue(row.source().endsWith("week-02/backend.db"), row.source());
            Run run = services.runs().resolve("learned-cat-699").run();
            assertEquals(0.1, run.param("C").value().number());
            assertEquals("42", run.seeds().stream().filter(s -> s.key().equals("random_state")).findFirst().orElseThrow().value());
            assertEquals(0.96, run.metric("accuracy").last());
        }
        assertEquals(before, TreeSnapshot.of(realdata));
    }

    /**
     * The read-only guarantee over every real log at once: the listing (so a new {@code -journal}, {@code -wal},
     * {@code -shm} or temp file counts), sizes, modification times and SHA-256 of every file are the same after a
     * full import by every importer, and a second import reads nothing again.
     */
    @Test
    void importingEverythingWritesNothingAndFailsNothing() throws Exception {
        Path realdata = RealData.require("");
        Map<String, String> before = TreeSnapshot.of(realdata);
        try (Services services = Composition.services(dir.resolve("runs.db"))) {
            ImportReport report = services.imports().importPaths(List.of(realdata), (d, t, w) -> { });
            assertEquals(0, report.total().failed(), report.problems().toString());
            assertTrue(report.total().newRuns() > 100, report.byFormat().toString());
            ImportReport again = services.imports().importPaths(List.of(realdata), (d, t, w) -> { });
            assertEquals(report.total().newRuns(), again.total().unchanged());
        }
        assertEquals(before, TreeSnapshot.of(realdata));
    }

    private static long count(List<RunSummary> runs, String fragment) {
        return runs.stream().filter(r -> r.source().contains("/" + fragment + "/")).count();
    }
}
