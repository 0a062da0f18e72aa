package org.reprodiff.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.FxTaskRunner;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.runs.RunsView;
import org.reprodiff.ui.runs.RunsViewModel;

/**
 * The desktop app: starts the JavaFX toolkit without an {@code Application} subclass (so the services are
 * passed in, not looked up), shows the runs window and imports the folder in the background.
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
            show(stage, new RunsViewModel(services.imports(), services.runs(), new FxTaskRunner(executor)), folder);
        });
        closed.await();
        executor.shutdownNow();
        Platform.exit();
        return 0;
    }

    /** Builds the runs window on a stage and starts importing {@code folder}. */
    public static RunsView show(Stage stage, RunsViewModel model, Path folder) {
        RunsView view = new RunsView(model, () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a project folder");
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                model.importFolder(chosen.toPath());
            }
        });
        Scene scene = new Scene(view, 1100, 680);
        scene.getStylesheets().add(DesktopApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setTitle("Reprodiff — " + folder.toAbsolutePath().normalize().getFileName());
        stage.setScene(scene);
        stage.show();
        model.importFolder(folder.toAbsolutePath().normalize());
        return view;
    }
}
