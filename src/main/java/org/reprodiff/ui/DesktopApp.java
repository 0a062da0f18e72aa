package org.reprodiff.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.reprodiff.model.Progress;
import org.reprodiff.service.Preferences;
import org.reprodiff.service.PreferencesStore;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.AppIcons;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.common.TaskRunner;
import org.reprodiff.ui.prefs.PreferencesModel;

/**
 * The desktop app: starts the JavaFX toolkit without an {@code Application} subclass (so the services are
 * passed in, not looked up), shows the main window on a folder (or the welcome screen when there is none) and
 * saves the preferences when it closes. Preferences are saved off the FX thread through the task runner as they
 * change, and once more, with the window's bounds, on exit.
 */
public final class DesktopApp {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Services services;
    private final PreferencesStore preferences;
    private final Path sampleProject;

    /**
     * @param sampleProject the demo project offered on the welcome screen (null: none)
     */
    public DesktopApp(Services services, PreferencesStore preferences, Path sampleProject) {
        this.services = services;
        this.preferences = preferences;
        this.sampleProject = sampleProject;
    }

    /** Shows the window on {@code folder} (null: the welcome screen) and blocks until it is closed. */
    public int run(Path folder) throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reprodiff-worker");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Preferences> last = new AtomicReference<>();
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = show(stage, services, new FxTaskRunner(executor), preferences, sampleProject, folder);
            stage.setOnHidden(e -> {
                last.set(window.preferences().snapshot());
                closed.countDown();
            });
        });
        closed.await();
        executor.shutdownNow();
        if (last.get() != null) {
            try {
                preferences.save(last.get());
            } catch (IOException e) {
                System.err.println("reprodiff: could not save the preferences to " + preferences.file() + ": " + e.getMessage());
            }
        }
        Platform.exit();
        return 0;
    }

    /**
     * Builds the main window on a stage with the stored preferences (theme, bounds, recent projects) and opens
     * {@code folder}, or shows the welcome screen when it is null.
     */
    public static MainWindow show(Stage stage, Services services, TaskRunner runner, PreferencesStore store,
                                  Path sampleProject, Path folder) {
        PreferencesStore.Loaded loaded = store.load();
        PreferencesModel prefs = new PreferencesModel(loaded.preferences(), p -> runner.submit(progress -> {
            store.save(p);
            return null;
        }, Progress.NONE, done -> { }, error -> System.err.println("reprodiff: could not save the preferences: " + error.getMessage())));
        AppIcons icons = new AppIcons();
        MainWindow window = new MainWindow(services, runner, prefs, icons, sampleProject);
        Scene scene = new Scene(window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        prefs.themeProperty().get().applyTo(scene);
        prefs.themeProperty().addListener((o, a, b) -> b.applyTo(scene));
        stage.setScene(scene);
        icons.applyTo(stage);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        placeWindow(stage, prefs.window());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path open = window.runsModel().folderProperty().get();
            return open == null ? "Reprodiff" : "Reprodiff — " + open.getFileName();
        }, window.runsModel().folderProperty()));
        stage.setOnHiding(e -> prefs.rememberWindow(bounds(stage)));
        stage.show();
        if (folder != null) {
            window.open(folder);
        }
        if (loaded.problem() != null) {
            window.welcomeModel().noticeProperty().set(loaded.problem());
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.WARNING, loaded.problem());
                alert.setHeaderText("Preferences reset");
                alert.initOwner(stage);
                prefs.themeProperty().get().applyTo(alert.getDialogPane());
                alert.show();
            });
        }
        return window;
    }

    /** Restores the remembered bounds when they still fall on a screen; otherwise a default size, centred. */
    private static void placeWindow(Stage stage, Preferences.WindowBounds saved) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (saved != null && !Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height()).isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            stage.setWidth(Math.min(saved.width(), screen.getWidth()));
            stage.setHeight(Math.min(saved.height(), screen.getHeight()));
            stage.setMaximized(saved.maximized());
            return;
        }
        stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        stage.centerOnScreen();
    }

    private static Preferences.WindowBounds bounds(Stage stage) {
        return new Preferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
