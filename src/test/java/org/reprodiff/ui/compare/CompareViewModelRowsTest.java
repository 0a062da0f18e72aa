package org.reprodiff.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.RunDiffer;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.CodeState;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.PackageRef;
import org.reprodiff.model.ParamValue;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunStatus;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.ui.common.SameThreadRunner;
import org.reprodiff.ui.compare.DifferenceNavigator.Location;

/**
 * The compare view model's rows, filter, navigation and copy text over two hand-made runs whose differences are
 * known: parameters (dropout only in B, lr 0.001 → 0.003, run_name expected; batch, layers, optimizer.name equal),
 * the same seed, the same commit and dirty flag with different patches, no data, python 3.10 → 3.11, torch
 * 2.1.0 → 2.1.2 (numpy equal), and a loss curve that parts at step 1.
 */
class CompareViewModelRowsTest {
    private static final String PATCH_A = "--- a/train.py\n+++ b/train.py\n@@ -1 +1 @@\n-lr = 1\n+lr = 2\n";
    private static final String PATCH_B = "--- a/train.py\n+++ b/train.py\n@@ -1 +1 @@\n-lr = 1\n+lr = 3\n";

    private CompareViewModel model;

    @BeforeEach
    void compareTheTwoRuns() {
        Run a = run("a", "0.001", null, PATCH_A, "3.10.12", "2.1.0", new double[] {1.0, 0.5, 0.25})
                .startTime(Instant.parse("2024-03-01T10:00:00Z")).endTime(Instant.parse("2024-03-01T10:04:12Z")).build();
        Run b = run("b", "0.003", "0.1", PATCH_B, "3.11.4", "2.1.2", new double[] {1.0, 0.6, 0.3}).build();
        Comparison c = new RunDiffer().compare(a, b, DiffOptions.DEFAULTS, List.of());
        model = new CompareViewModel(null, null, null, new SameThreadRunner());
        model.resultProperty().set(new ComparedRuns(new StoredRun(1, a), new StoredRun(2, b), c));
    }

    private static Run.Builder run(String name, String lr, String dropout, String patch, String python, String torch,
                                   double[] loss) {
        Run.Builder r = Run.builder("hydra", "/projects/demo/" + name, name).name("run-" + name).status(RunStatus.FINISHED)
                .param("lr", ParamValue.number(Double.parseDouble(lr), lr))
                .param("batch", ParamValue.number(64, "64"))
                .param("layers", ParamValue.list(List.of(ParamValue.number(1, "1"), ParamValue.number(2, "2")), "[1, 2]"))
                .param("optimizer.name", ParamValue.string("adam"))
                .param("run_name", ParamValue.string(name))
                .param("seed", ParamValue.number(1, "1"))
                .code(new CodeState(null, "abc123", null, true, patch, null, List.of(), Map.of()))
                .environment("python", python).environment("host", "h1")
                .packageRef(new PackageRef("torch", torch, null, "pip", "requirements.txt"))
                .packageRef(new PackageRef("numpy", "1.26.0", null, "pip", "requirements.txt"));
        if (dropout != null) {
            r.param("dropout", ParamValue.number(Double.parseDouble(dropout), dropout));
        }
        MetricSeries.Builder m = new MetricSeries.Builder("loss");
        for (int step = 0; step < loss.length; step++) {
            m.add(step, loss[step], MetricSeries.NO_TIME);
        }
        return r.metric(m.build());
    }

    private FacetSection section(String id) {
        return model.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> keys(FacetSection s) {
        return s.rows().stream().map(FacetRow::key).toList();
    }

    @Test
    void listsOnlyTheDifferencesWithTheExpectedOnesApartAtTheBottom() {
        assertEquals(Verdict.EXPLAINED, model.comparison().verdict());
        FacetSection params = section("params");
        assertEquals(List.of("dropout", "lr", "Expected differences (1)", "run_name"), keys(params));
        assertEquals(List.of("+", "~", "", "~"), params.rows().stream().map(FacetRow::glyph).toList());
        assertTrue(params.rows().get(3).expected());
        assertEquals("changed · run name", params.rows().get(3).changeAndNote());
        assertEquals("Parameters (2)", params.tabTitle());
        assertEquals("2 differences · 3 equal (hidden) · 1 expected", params.summaryProperty().get());
    }

    @Test
    void turningOnlyDifferencesOffMergesTheEqualEntriesByKey() {
        model.onlyDifferencesProperty().set(false);
        FacetSection params = section("params");
        assertEquals(List.of("batch", "dropout", "layers", "lr", "optimizer.name",
                "Expected differences (1)", "run_name"), keys(params));
        assertEquals("=", params.rows().get(0).glyph());
        assertEquals("[1, 2]", params.rows().get(2).a());
        assertEquals(List.of("commit", "dirty", "patch"), keys(section("code")));
        assertEquals(List.of("numpy", "torch"), keys(section("packages")));
        assertEquals("2 differences · 3 equal · 1 expected", params.summaryProperty().get());
        model.onlyDifferencesProperty().set(true);
        assertEquals(4, params.rows().size());
    }

    @Test
    void searchKeepsRowsWhoseKeyOrValueContainsTheText() {
        model.queryProperty().set("0.00");
        assertEquals(List.of("lr"), keys(section("params")));
        assertEquals("2 differences · 3 equal (hidden) · 1 expected · 1 shown for “0.00”", section("params").summaryProperty().get());
        model.queryProperty().set("RUN");
        assertEquals(List.of("Expected differences (1)", "run_name"), keys(section("params")));
        model.queryProperty().set("adam");
        assertEquals(List.of(), keys(section("params")));
        assertEquals("No parameters match “adam”.", section("params").placeholderProperty().get());
        model.onlyDifferencesProperty().set(false);
        assertEquals(List.of("optimizer.name"), keys(section("params")));
    }

    @Test
    void emptyAndNotCapturedFacetsSayWhy() {
        FacetSection seeds = section("seeds");
        assertEquals(0, seeds.rows().size());
        assertEquals("Both runs recorded the same seed.", seeds.placeholderProperty().get());
        assertEquals("No differences: both runs recorded the same seed.", seeds.summaryProperty().get());
        assertNull(seeds.notCaptured());
        FacetSection data = section("data");
        assertEquals("Neither run recorded any datasets.", data.placeholderProperty().get());
        assertEquals("Neither run captured data. A difference here cannot be ruled out.", data.notCaptured());
        assertTrue(section("environment").notCaptured().equals("Neither run captured hardware. A difference here cannot be ruled out."), section("environment").notCaptured());
    }

    @Test
    void nextAndPreviousWalkEveryTabsDifferencesAndWrap() {
        assertEquals(List.of("params", "seeds", "code", "data", "environment", "packages"),
                model.sections().stream().map(FacetSection::id).toList());
        assertEquals(6, model.metricsTab());
        assertEquals(Optional.of(new Location(0, 0)), model.nextDifference(new Location(0, -1)));
        assertEquals(Optional.of(new Location(0, 1)), model.nextDifference(new Location(0, 0)));
        assertEquals(Optional.of(new Location(2, 0)), model.nextDifference(new Location(0, 1)));
        assertEquals(Optional.of(new Location(4, 0)), model.nextDifference(new Location(2, 0)));
        assertEquals(Optional.of(new Location(5, 0)), model.nextDifference(new Location(4, 0)));
        assertEquals(Optional.of(new Location(6, 0)), model.nextDifference(new Location(5, 0)));
        assertEquals(Optional.of(new Location(0, 0)), model.nextDifference(new Location(6, 0)));
        assertEquals(Optional.of(new Location(6, 0)), model.previousDifference(new Location(0, 0)));
        assertEquals(Optional.of(new Location(0, 1)), model.previousDifference(new Location(2, 0)));
        assertEquals(Optional.of(new Location(2, 0)), model.nextDifference(new Location(1, -1)));
        model.onlyDifferencesProperty().set(false);
        assertEquals(Optional.of(new Location(0, 3)), model.nextDifference(new Location(0, 1)));
    }

    @Test
    void aCauseIsLocatedOnItsTabAndTheSearchThatHidesItIsCleared() {
        assertEquals("patch", model.comparison().causes().get(0).key());
        assertEquals(2, model.openingTab());
        model.queryProperty().set("adam");
        var lr = model.comparison().causes().stream().filter(c -> c.key().equals("lr")).findFirst().orElseThrow();
        assertEquals(Optional.of(new Location(0, 1)), model.locate(lr));
        assertEquals("", model.queryProperty().get());
    }

    @Test
    void copiesRowsAsTabSeparatedText() {
        List<FacetRow> rows = section("params").rows();
        assertEquals("dropout\t\t0.1\tonly in B\nlr\t0.001\t0.003\tchanged\n", CompareViewModel.copyText(rows.subList(0, 2)));
        assertEquals("Expected differences (1): shown apart: not evidence of a change\nrun_name\ta\tb\tchanged · run name\n",
                CompareViewModel.copyText(rows.subList(2, 4)));
    }

    @Test
    void theCodeTabShowsTheDifferenceBetweenThePatches() {
        List<PatchLine> lines = model.patchLines();
        assertEquals(new PatchLine(PatchLine.Kind.FILE, "--- A/patch"), lines.get(0));
        assertEquals(new PatchLine(PatchLine.Kind.FILE, "+++ B/patch"), lines.get(1));
        assertEquals(PatchLine.Kind.HUNK, lines.get(2).kind());
        assertTrue(lines.contains(new PatchLine(PatchLine.Kind.REMOVED, "-+lr = 2")), lines.toString());
        assertTrue(lines.contains(new PatchLine(PatchLine.Kind.ADDED, "++lr = 3")), lines.toString());
        assertTrue(lines.contains(new PatchLine(PatchLine.Kind.CONTEXT, " +++ b/train.py")), lines.toString());
        assertTrue(model.patchNote().startsWith("The uncommitted patches differ"), model.patchNote());
    }

    @Test
    void aPatchsOwnFileLinesInsideAHunkAreChangesNotFileHeaders() {
        List<PatchLine> lines = PatchLine.parse("--- A/patch\n+++ B/patch\n@@ -1,2 +1,2 @@\n---- a/old.py\n++++ b/new.py\n x");
        assertEquals(List.of(PatchLine.Kind.FILE, PatchLine.Kind.FILE, PatchLine.Kind.HUNK, PatchLine.Kind.REMOVED,
                PatchLine.Kind.ADDED, PatchLine.Kind.CONTEXT), lines.stream().map(PatchLine::kind).toList());
    }

    @Test
    void theHeaderCardsCarryNameFormatStatusAndDuration() {
        RunCard a = model.runCards().get(0);
        assertEquals(List.of("A", "run-a", "hydra", "/projects/demo/a", "FINISHED", "4m 12s"),
                List.of(a.side(), a.name(), a.format(), a.source(), a.status(), a.duration()));
        assertEquals("—", model.runCards().get(1).duration());
        assertEquals("", model.runCards().get(1).started());
        assertEquals("Metrics (1)", model.metricsTabTitle());
    }
}
