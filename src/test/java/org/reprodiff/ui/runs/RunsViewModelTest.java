package org.reprodiff.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprodiff.ui.runs.RunFixtures.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Progress;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.ImportReport;
import org.reprodiff.ui.common.SameThreadRunner;

/** The runs view model on the same-thread runner, over a stand-in backend. */
class RunsViewModelTest {
    private static final Path PROJECT = Path.of("/p");

    private final RunSummary a = run(1, "mlflow", "a", "mlruns/0", "g1", 100, 10);
    private final RunSummary b = run(2, "mlflow", "b", "mlruns/0", "g1", 200, 10);
    private final RunSummary c = run(3, "wandb", "c", "wandb", "g1", 300, 10);
    private final RunSummary elsewhere = new RunSummary(4, "mlflow", "x", "x", null,
            org.reprodiff.model.RunStatus.FINISHED, "/other/x", null, null, 0, List.of(), false, false, null);

    /** Records what the view model asked for; its import reports progress in given steps. */
    private final class Backend implements RunsBackend {
        final List<String> calls = new ArrayList<>();
        List<RunSummary> stored = List.of(a, b, c, elsewhere);
        long[][] steps = {};
        List<String> seenDuringImport = new ArrayList<>();
        RunsViewModel model;

        @Override
        public ImportReport importFolder(Path folder, Progress progress) {
            calls.add("import " + folder);
            seenDuringImport.add(model == null ? "" : model.rows().size() + " rows");
            for (long[] s : steps) {
                clock = s[2];
                progress.update(s[0], s[1], "/p/mlruns/0/run" + s[0]);
                if (model != null) {
                    seenDuringImport.add(model.statusProperty().get() + " | " + model.etaProperty().get());
                }
            }
            return new ImportReport(Map.of("mlflow", new ImportReport.Counts(0, 0, 3, 0)),
                    List.of(new ImportProblem("/p/bad/meta.yaml", "line 1", "not YAML")));
        }

        @Override
        public List<RunSummary> list() {
            calls.add("list");
            return stored;
        }

        @Override
        public Map<String, Double> finalValues(long runId) {
            calls.add("finals " + runId);
            return Map.of("val/loss", 0.1 * runId);
        }
    }

    private long clock;
    private final Backend backend = new Backend();
    private final RunsViewModel model = new RunsViewModel(backend, new SameThreadRunner(), () -> clock);

    @Test
    void opensWithTheStoredRunsOfTheProjectThenImports() {
        backend.model = model;
        model.open(PROJECT);
        assertEquals(List.of("list", "import /p", "list"), backend.calls.stream().filter(s -> !s.startsWith("finals")).toList());
        assertEquals("3 rows", backend.seenDuringImport.get(0), "the stored runs show before the import reads anything");
        assertEquals(List.of(a, b, c), model.rows(), "the run outside the project folder is not listed");
        assertEquals(List.of("/p/bad/meta.yaml:line 1: not YAML"), model.problems().stream().map(ImportProblem::toString).toList());
        assertEquals("Imported: 0 new, 0 updated, 3 unchanged · 1 problem", model.statusProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void progressSaysWhatIsReadAndTheTimeLeft() {
        backend.model = model;
        backend.steps = new long[][] {{0, 4, 1_000_000_000L}, {1, 4, 3_000_000_000L}};
        model.open(PROJECT);
        // reading starts at the first update (t = 1 s); 1 of 4 after 2 s → 3 more at 2 s each
        assertEquals(List.of("3 rows", "Reading 0 of 4: mlruns/0/run0 | ", "Reading 1 of 4: mlruns/0/run1 | about 6 s left"),
                backend.seenDuringImport);
        assertEquals("", model.etaProperty().get(), "no estimate once done");
    }

    @Test
    void theFirstValidationMetricBecomesAColumnAndItsFinalValuesLoad() {
        model.open(PROJECT);
        assertEquals(List.of("val/loss"), model.metricColumns());
        assertEquals(0.2, model.finalValue(b, "val/loss"), 1e-12);
        assertEquals("3 runs, val/loss ±0.1", model.twinText(a));
    }

    @Test
    void aSourceNodeNarrowsTheRowsAndTheFilterNarrowsFurther() {
        model.open(PROJECT);
        SourceNode mlflow = model.sourceTreeProperty().get().children().get(0);
        assertEquals("mlflow (2)", mlflow.text());
        model.scopeProperty().set(mlflow);
        assertEquals(List.of(a, b), model.rows());
        model.filterProperty().set("B");
        assertEquals(List.of(b), model.rows());
        assertEquals("1 of 3 runs", model.shownProperty().get());
    }

    @Test
    void sortingReordersTheRows() {
        model.open(PROJECT);
        model.sort(SortKey.of(SortKey.Column.START), false);
        assertEquals(List.of(c, b, a), model.rows());
        model.sort(null, true);
        assertEquals(List.of(a, b, c), model.rows());
    }

    @Test
    void withoutABaselineTwoSelectedRunsCompareInSelectionOrder() {
        model.open(PROJECT);
        model.selection().setAll(c, a);
        assertTrue(model.canCompareProperty().get());
        assertEquals(new RunsViewModel.Pair(c, a), model.compareSelection().orElseThrow());
        model.selection().setAll(a);
        assertFalse(model.canCompareProperty().get());
    }

    @Test
    void aPinnedBaselineIsAlwaysSideA() {
        model.open(PROJECT);
        model.selection().setAll(b);
        model.pinSelected();
        assertEquals(b, model.baselineProperty().get());
        model.selection().setAll(c);
        assertEquals(new RunsViewModel.Pair(b, c), model.compareSelection().orElseThrow());
        model.selection().setAll(a, b);
        assertEquals(new RunsViewModel.Pair(b, a), model.compareSelection().orElseThrow());
        model.selection().setAll(a, c);
        assertEquals(new RunsViewModel.Pair(a, c), model.compareSelection().orElseThrow(),
                "two runs other than the baseline compare with each other");
        model.selection().setAll(b);
        assertFalse(model.canCompareProperty().get(), "the baseline alone makes no pair");
        model.clearBaseline();
        model.selection().setAll(c);
        assertFalse(model.canCompareProperty().get());
    }

    @Test
    void aBaselineGoneAfterAnImportIsUnpinned() {
        model.open(PROJECT);
        model.pinBaseline(c);
        backend.stored = List.of(a, b);
        model.importFolder();
        assertNull(model.baselineProperty().get());
    }

    @Test
    void closingForgetsTheProject() {
        model.open(PROJECT);
        model.pinBaseline(a);
        model.close();
        assertNull(model.folderProperty().get());
        assertTrue(model.rows().isEmpty());
        assertTrue(model.problems().isEmpty());
        assertNull(model.baselineProperty().get());
    }
}
