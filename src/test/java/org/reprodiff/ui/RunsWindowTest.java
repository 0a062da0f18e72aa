package org.reprodiff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprodiff.app.Composition;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.PreferencesStore;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.compare.FacetRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): the window opened on sample-runs lists every run the store holds, filters them, compares
 * two (through to the diverging curve), compares against a pinned baseline, and lists the problems of a broken
 * project.
 */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
    private Services services;
    private ExecutorService executor;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("reprodiff-ui");
        services = Composition.services(dir.resolve("runs.db"));
        executor = Executors.newSingleThreadExecutor();
        window = DesktopApp.show(stage, services, new FxTaskRunner(executor), new PreferencesStore(dir.resolve("preferences.json")),
                Composition.SAMPLE_RUNS, Composition.SAMPLE_RUNS);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        services.close();
    }

    private void awaitImport() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !window.runsModel().busyProperty().get() && !window.runsModel().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RunSummary> table(FxRobot robot) {
        return robot.lookup(".runs-view .runs-table").queryAs(TableView.class);
    }

    /** Selects the runs with these names (nothing else) and gives the table the focus. */
    private static void select(FxRobot robot, TableView<RunSummary> table, String... names) {
        List<String> wanted = List.of(names);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (wanted.contains(table.getItems().get(i).name())) {
                    table.getSelectionModel().select(i);
                }
            }
            table.requestFocus();
        });
    }

    @Test
    void showsAsManyRowsAsTheStoreHoldsRuns(FxRobot robot) throws Exception {
        awaitImport();
        int stored = services.runs().count();
        assertTrue(stored >= 12, "sample-runs holds at least 10 MLflow and 2 W&B runs, found " + stored);
        assertEquals(stored, table(robot).getItems().size());
        assertEquals(stored + " runs", window.runsModel().shownProperty().get());
    }

    @Test
    void typingInTheFilterNarrowsTheTable(FxRobot robot) throws Exception {
        awaitImport();
        robot.clickOn(".filter-field").write("seed-sweep");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = table(robot).getItems().stream().map(RunSummary::name).sorted().toList();
        assertEquals(List.of("seed-sweep-s1", "seed-sweep-s2", "seed-sweep-s3"), names);
        int stored = services.runs().count();
        assertEquals("3 of " + stored + " runs", window.runsModel().shownProperty().get());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stored, table(robot).getItems().size());
    }

    @Test
    void ctrlDComparesTheTwoSelectedRunsInANewTab(FxRobot robot) throws Exception {
        awaitImport();
        select(robot, table(robot), "lr-0.001", "lr-0.003");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".verdict-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals(2, tabs.getTabs().size());
        assertEquals(Verdict.EXPLAINED.name(), robot.lookup(".verdict-title").queryLabeled().getText());
        assertNotNull(robot.lookup(".verdict-explained").query());
        assertTrue(tabs.getTabs().get(1).getText().contains("lr-0.00"), tabs.getTabs().get(1).getText());
    }

    @Test
    void aPinnedBaselineIsSideAOfTheComparison(FxRobot robot) throws Exception {
        awaitImport();
        TableView<RunSummary> table = table(robot);
        select(robot, table, "baseline-b-rerun");
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("baseline-b-rerun", window.runsModel().baselineProperty().get().name());
        // with one run selected, Compare pairs it with the baseline, which is side A
        select(robot, table, "baseline-a");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".verdict-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals(2, tabs.getTabs().size());
        assertEquals("baseline-b-rerun ↔ baseline-a", tabs.getTabs().get(1).getText());
    }

    @Test
    void aFolderWithAnUnreadableRunListsItsProblemBelowTheRuns(FxRobot robot) throws Exception {
        awaitImport();
        Path project = Files.createTempDirectory("reprodiff-bad");
        Path exp = Files.createDirectories(project.resolve("mlruns/0"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        Path run = Files.createDirectories(exp.resolve("0123456789abcdef0123456789abcdef"));
        Files.writeString(run.resolve("meta.yaml"), "run_uuid: [unclosed\n");
        robot.interact(() -> window.open(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.runsModel().busyProperty().get()
                && !window.runsModel().problems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane pane = robot.lookup(".problems").queryAs(TitledPane.class);
        assertTrue(pane.isVisible());
        assertTrue(pane.getText().startsWith("Problems (1)"), pane.getText());
        assertTrue(window.runsModel().problems().get(0).file().endsWith("meta.yaml"), window.runsModel().problems().toString());
        assertEquals(0, table(robot).getItems().size(), "the sample's runs are not part of this project");
    }

    /** The main path of the issue: sample project, import, two runs, compare, all rows, next difference, the chart. */
    @Test
    void fromTheSampleProjectToTheDivergingCurve(FxRobot robot) throws Exception {
        awaitImport();
        select(robot, table(robot), "lr-0.001", "lr-0.003");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#params-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<FacetRow> params = robot.lookup("#params-table").queryAs(TableView.class);
        assertEquals(List.of("lr"), params.getItems().stream().map(FacetRow::key).toList(), "only the difference");
        robot.clickOn("#only-differences");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, params.getItems().size(), "every parameter, the equal ones too");

        robot.interact(params::requestFocus);
        robot.press(KeyCode.F7).release(KeyCode.F7);
        robot.press(KeyCode.F7).release(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane facets = robot.lookup(".facet-tabs").queryAs(TabPane.class);
        assertEquals("metrics", facets.getSelectionModel().getSelectedItem().getId(), "lr, then the first diverging metric");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chartTitle(robot).equals("train/loss"));
        JFreeChart chart = robot.lookup(n -> n instanceof ChartCanvas).queryAs(ChartCanvas.class).getChart();
        String subtitles = java.util.stream.IntStream.range(0, chart.getSubtitleCount())
                .mapToObj(chart::getSubtitle).filter(t -> t instanceof TextTitle)
                .map(t -> ((TextTitle) t).getText()).reduce("", String::concat);
        assertTrue(subtitles.contains("points drawn"), subtitles);
    }

    private static String chartTitle(FxRobot robot) {
        return robot.lookup(n -> n instanceof ChartCanvas).tryQueryAs(ChartCanvas.class)
                .map(c -> c.getChart() == null || c.getChart().getTitle() == null ? "" : c.getChart().getTitle().getText())
                .orElse("");
    }
}
