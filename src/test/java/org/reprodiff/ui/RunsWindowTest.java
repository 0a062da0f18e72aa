package org.reprodiff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprodiff.app.Composition;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle): the window opened on sample-runs lists every run the store holds, and compares two. */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
    private Services services;
    private ExecutorService executor;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dbDir = Files.createTempDirectory("reprodiff-ui");
        services = Composition.services(dbDir.resolve("runs.db"));
        executor = Executors.newSingleThreadExecutor();
        window = DesktopApp.show(stage, services, new FxTaskRunner(executor), Composition.SAMPLE_RUNS);
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

    @Test
    void showsAsManyRowsAsTheStoreHoldsRuns(FxRobot robot) throws Exception {
        awaitImport();
        TableView<?> table = robot.lookup(".runs-view .table-view").queryAs(TableView.class);
        int stored = services.runs().count();
        assertTrue(stored >= 8, "sample-runs holds the demo runs, found " + stored);
        assertEquals(stored, table.getItems().size());
        assertTrue(robot.lookup(".status-bar .label").queryLabeled().getText().startsWith(stored + " runs"),
                robot.lookup(".status-bar .label").queryLabeled().getText());
    }

    @Test
    void ctrlDComparesTheTwoSelectedRunsInANewTab(FxRobot robot) throws Exception {
        awaitImport();
        @SuppressWarnings("unchecked")
        TableView<RunSummary> table = robot.lookup(".runs-view .table-view").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                String name = table.getItems().get(i).name();
                if (name.equals("lr-0.001") || name.equals("lr-0.003")) {
                    table.getSelectionModel().select(i);
                }
            }
            table.requestFocus();
        });
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
    void aFolderWithAnUnreadableRunListsItsProblemBelowTheRuns(FxRobot robot) throws Exception {
        awaitImport();
        Path project = Files.createTempDirectory("reprodiff-bad");
        Path exp = Files.createDirectories(project.resolve("mlruns/0"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
        Path run = Files.createDirectories(exp.resolve("0123456789abcdef0123456789abcdef"));
        Files.writeString(run.resolve("meta.yaml"), "run_uuid: [unclosed\n");
        robot.interact(() -> window.runsModel().importFolder(project));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.runsModel().busyProperty().get()
                && !window.runsModel().problems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TitledPane pane = robot.lookup(".problems").queryAs(javafx.scene.control.TitledPane.class);
        assertTrue(pane.isVisible());
        assertTrue(pane.getText().startsWith("Problems (1)"), pane.getText());
        assertTrue(window.runsModel().problems().get(0).file().endsWith("meta.yaml"), window.runsModel().problems().toString());
    }
}
