package org.reprodiff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprodiff.app.Composition;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Progress;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.compare.CompareView;
import org.reprodiff.ui.compare.CompareViewModel;
import org.reprodiff.ui.compare.FacetRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): the compare view on the sample pair {@code lr-0.001} / {@code lr-0.003}, which differ in
 * the parameter {@code lr} only (13 parameters, the seed apart) and in their curves from step 1.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private Services services;
    private ExecutorService executor;
    private CompareViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path dbDir = Files.createTempDirectory("reprodiff-compare-ui");
        services = Composition.services(dbDir.resolve("runs.db"));
        services.imports().importPaths(List.of(Composition.SAMPLE_RUNS), Progress.NONE);
        executor = Executors.newSingleThreadExecutor();
        model = new CompareViewModel(services.runs(), services.compare(), services.reports(), new FxTaskRunner(executor));
        Scene scene = new Scene(new CompareView(model), 1280, 800);
        scene.getStylesheets().add(Styles.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.load(services.runs().resolve("lr-0.001").id(), services.runs().resolve("lr-0.003").id());
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        services.close();
    }

    private void awaitComparison(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".facet-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<FacetRow> table(FxRobot robot, String facet) {
        return robot.lookup("#" + facet + "-table").queryAs(TableView.class);
    }

    @Test
    void clearingOnlyDifferencesListsEveryParameter(FxRobot robot) throws Exception {
        awaitComparison(robot);
        TableView<FacetRow> params = table(robot, "params");
        assertEquals(List.of("lr"), params.getItems().stream().map(FacetRow::key).toList());
        CheckBox only = robot.lookup("#only-differences").queryAs(CheckBox.class);
        assertTrue(only.isSelected());
        robot.clickOn(only);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(13, params.getItems().size());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(only.isSelected());
        assertEquals(1, params.getItems().size());
    }

    @Test
    void f7MovesToTheNextDifferenceAcrossTabs(FxRobot robot) throws Exception {
        awaitComparison(robot);
        TabPane tabs = robot.lookup(".facet-tabs").queryAs(TabPane.class);
        assertEquals("params", tabs.getSelectionModel().getSelectedItem().getId());
        TableView<FacetRow> params = table(robot, "params");
        robot.interact(params::requestFocus);
        robot.press(KeyCode.F7).release(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lr", params.getSelectionModel().getSelectedItem().key());
        robot.press(KeyCode.F7).release(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("metrics", tabs.getSelectionModel().getSelectedItem().getId());
        @SuppressWarnings("unchecked")
        TableView<MetricDiff> metrics = robot.lookup("#metrics-table").queryAs(TableView.class);
        MetricDiff selected = metrics.getSelectionModel().getSelectedItem();
        assertEquals("train/loss", selected.key());
        assertEquals(Long.valueOf(1), selected.firstDivergenceStep());
        robot.press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("params", tabs.getSelectionModel().getSelectedItem().getId());
    }
}
