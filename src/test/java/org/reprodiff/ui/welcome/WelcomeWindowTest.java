package org.reprodiff.ui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.reprodiff.service.PreferencesStore;
import org.reprodiff.service.Services;
import org.reprodiff.ui.DesktopApp;
import org.reprodiff.ui.MainWindow;
import org.reprodiff.ui.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle): with no project the welcome screen shows; its sample button opens the sample's runs. */
@ExtendWith(ApplicationExtension.class)
class WelcomeWindowTest {
    private Services services;
    private ExecutorService executor;
    private MainWindow window;
    private PreferencesStore preferences;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("reprodiff-welcome");
        services = Composition.services(dir.resolve("runs.db"));
        executor = Executors.newSingleThreadExecutor();
        preferences = new PreferencesStore(dir.resolve("preferences.json"));
        window = DesktopApp.show(stage, services, new FxTaskRunner(executor), preferences, Composition.SAMPLE_RUNS, null);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        services.close();
    }

    @Test
    void theSampleButtonOpensTheSampleProjectAndRemembersIt(FxRobot robot) throws Exception {
        assertTrue(robot.lookup(".welcome-view").tryQuery().isPresent());
        assertEquals("No recent projects yet.", robot.lookup(".recent-list .label").queryLabeled().getText());
        robot.clickOn("Open the Sample Project");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !window.runsModel().busyProperty().get() && !window.runsModel().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".welcome-view").tryQuery().isPresent(), "the welcome screen made way for the runs");
        TableView<?> table = robot.lookup(".runs-table").queryAs(TableView.class);
        assertEquals(services.runs().count(), table.getItems().size());
        assertTrue(table.getItems().size() >= 12, "sample-runs holds at least 12 runs");
        Path sample = Composition.SAMPLE_RUNS.toRealPath();
        assertEquals(java.util.List.of(sample.toString()), window.preferences().recentProjects());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> preferences.load().preferences().recentProjects().equals(java.util.List.of(sample.toString())));
    }

    @Test
    void closingTheProjectShowsTheWelcomeScreenWithItAsRecent(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(Composition.SAMPLE_RUNS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !window.runsModel().busyProperty().get() && !window.runsModel().rows().isEmpty());
        robot.interact(window::closeProject);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".welcome-view").tryQuery().isPresent());
        assertEquals("sample-runs", window.welcomeModel().recent().get(0).name());
        assertTrue(window.welcomeModel().recent().get(0).exists());
        assertTrue(window.runsModel().rows().isEmpty());
    }
}
