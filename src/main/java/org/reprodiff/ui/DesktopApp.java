package org.reprodiff.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.common.TaskRunner;

/**
 * The desktop app: starts the JavaFX toolkit without an {@code Application} subclass (so the services are
 * passed in, not looked up), shows the main window and imports the folder in the background.
 */
public final class DesktopApp {
    private final Services services;

    public DesktopApp(Services services) {
        this.services = services;
    }

    /** Shows the window on {@code folder} and blocks until it is closed. */
    public int run(Path folder) throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reprodiff-worker");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            show(stage, services, new FxTaskRunner(executor), folder);
        });
        closed.await();
        executor.shutdownNow();
        Platform.exit();
        return 0;
    }

    /** Builds the main window on a stage and starts importing {@code folder}. */
    public static MainWindow show(Stage stage, Services services, TaskRunner runner, Path folder) {
        MainWindow window = new MainWindow(services, runner);
        Scene scene = new Scene(window, 1200, 720);
        scene.getStylesheets().add(DesktopApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setTitle("Reprodiff — " + folder.toAbsolutePath().normalize().getFileName());
        stage.setScene(scene);
        stage.show();
        window.open(folder);
        return window;
    }
}
