package org.reprodiff.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.Services;
import org.reprodiff.ui.common.TaskRunner;
import org.reprodiff.ui.compare.CompareView;
import org.reprodiff.ui.compare.CompareViewModel;
import org.reprodiff.ui.runs.RunsView;
import org.reprodiff.ui.runs.RunsViewModel;

/** The main window's content: the runs tab, and one closable tab per comparison. */
public final class MainWindow extends BorderPane {
    private final Services services;
    private final TaskRunner runner;
    private final TabPane tabs = new TabPane();
    private final RunsViewModel runsModel;
    private final RunsView runsView;

    public MainWindow(Services services, TaskRunner runner) {
        this.services = services;
        this.runner = runner;
        this.runsModel = new RunsViewModel(services.imports(), services.runs(), runner);
        this.runsView = new RunsView(runsModel, this::chooseFolder, this::compare);
        Tab runs = new Tab("Runs", runsView);
        runs.setClosable(false);
        tabs.getTabs().add(runs);
        setCenter(tabs);
        setOnDragOver(e -> {
            if (droppedFolder(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.ANY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Path folder = droppedFolder(e.getDragboard());
            if (folder != null) {
                tabs.getSelectionModel().select(runs);
                runsModel.importFolder(folder);
            }
            e.setDropCompleted(folder != null);
            e.consume();
        });
    }

    /** The one folder being dragged in, or null (files, several items, nothing). */
    private static Path droppedFolder(Dragboard board) {
        if (!board.hasFiles() || board.getFiles().size() != 1 || !board.getFiles().get(0).isDirectory()) {
            return null;
        }
        return board.getFiles().get(0).toPath();
    }

    public RunsViewModel runsModel() {
        return runsModel;
    }

    public RunsView runsView() {
        return runsView;
    }

    /** Opens a comparison of {@code a} (the baseline) with {@code b} in a new tab and selects it. */
    public CompareViewModel compare(RunSummary a, RunSummary b) {
        CompareViewModel model = new CompareViewModel(services.runs(), services.compare(), services.reports(), runner);
        Tab tab = new Tab(label(a) + " ↔ " + label(b), new CompareView(model));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        model.load(a.id(), b.id());
        return model;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project folder");
        Window owner = getScene() == null ? null : getScene().getWindow();
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            runsModel.importFolder(chosen.toPath());
        }
    }

    public void open(Path folder) {
        runsModel.importFolder(folder.toAbsolutePath().normalize());
    }

    private static String label(RunSummary r) {
        return r.name() != null ? r.name() : r.nativeId().substring(0, Math.min(8, r.nativeId().length()));
    }
}
