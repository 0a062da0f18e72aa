package org.reprodiff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprodiff.app.Composition;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.runs.RunsView;
import org.reprodiff.ui.runs.RunsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle): the window opened on sample-runs lists every run the store holds. */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {
    private Path dbDir;
    private Services services;
    private ExecutorService executor;
    private RunsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        dbDir = Files.createTempDirectory("reprodiff-ui");
        services = Composition.services(dbDir.resolve("runs.db"));
        executor = Executors.newSingleThreadExecutor();
        model = new RunsViewModel(services.imports(), services.runs(), new FxTaskRunner(executor));
        DesktopApp.show(stage, model, Composition.SAMPLE_RUNS);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        services.close();
    }

    @Test
    void showsAsManyRowsAsTheStoreHoldsRuns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get() && !model.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        int stored = services.runs().count();
        assertTrue(stored >= 8, "sample-runs holds the demo runs, found " + stored);
        assertEquals(stored, table.getItems().size());
        assertTrue(robot.lookup(".status-bar .label").queryLabeled().getText().startsWith(stored + " runs"),
                robot.lookup(".status-bar .label").queryLabeled().getText());
        assertEquals(RunsView.class, table.getParent().getClass());
    }
}
