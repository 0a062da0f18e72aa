package org.reprodiff.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reprodiff.model.RunSummary;
import org.reprodiff.service.Services;
import org.reprodiff.ui.about.AboutDialog;
import org.reprodiff.ui.common.AppIcons;
import org.reprodiff.ui.common.TaskRunner;
import org.reprodiff.ui.compare.CompareView;
import org.reprodiff.ui.compare.CompareViewModel;
import org.reprodiff.ui.prefs.PreferencesDialog;
import org.reprodiff.ui.prefs.PreferencesModel;
import org.reprodiff.ui.prefs.PreferencesViewModel;
import org.reprodiff.ui.runs.RunsBackend;
import org.reprodiff.ui.runs.RunsView;
import org.reprodiff.ui.runs.RunsViewModel;
import org.reprodiff.ui.welcome.WelcomeView;
import org.reprodiff.ui.welcome.WelcomeViewModel;

/**
 * The main window's content: the menu bar over either the welcome screen (no project open) or the tabs (the
 * runs of the open project, and one closable tab per comparison). A folder dropped onto the window opens it.
 * Every command is in the menu bar, with a key.
 */
public final class MainWindow extends BorderPane {
    private final Services services;
    private final TaskRunner runner;
    private final PreferencesModel preferences;
    private final AppIcons icons;
    private final TabPane tabs = new TabPane();
    private final Tab runsTab;
    private final StackPane content = new StackPane();
    private final RunsViewModel runsModel;
    private final RunsView runsView;
    private final WelcomeViewModel welcomeModel;
    private final WelcomeView welcomeView;

    public MainWindow(Services services, TaskRunner runner, PreferencesModel preferences, AppIcons icons, Path sampleProject) {
        this.services = services;
        this.runner = runner;
        this.preferences = preferences;
        this.icons = icons;
        this.runsModel = new RunsViewModel(RunsBackend.of(services.imports(), services.runs()), runner, System::nanoTime);
        Bindings.bindContentBidirectional(runsModel.metricColumns(), preferences.metricColumns());
        this.runsView = new RunsView(runsModel, this::compare);
        this.welcomeModel = new WelcomeViewModel(preferences.recentProjects(), Files::isDirectory, sampleProject);
        this.welcomeView = new WelcomeView(welcomeModel, this::chooseFolder, this::open, preferences::removeRecent);
        runsTab = new Tab("Runs", runsView);
        runsTab.setClosable(false);
        tabs.getTabs().add(runsTab);
        setTop(new MainMenuBar(this, sampleProject).build());
        setCenter(content);
        showWelcome();
        setOnDragOver(e -> {
            if (droppedFolder(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Path folder = droppedFolder(e.getDragboard());
            if (folder != null) {
                open(folder);
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

    /** Opens a project folder: shows its stored runs at once, imports it, and remembers it as recent. */
    public void open(Path folder) {
        runsModel.open(folder);
        Path opened = runsModel.folderProperty().get();
        preferences.addRecent(opened);
        tabs.getTabs().retainAll(runsTab);
        tabs.getSelectionModel().select(runsTab);
        content.getChildren().setAll(tabs);
        runsView.table().requestFocus();
    }

    /** Closes the project and its comparisons and shows the welcome screen. */
    public void closeProject() {
        runsModel.close();
        showWelcome();
    }

    private void showWelcome() {
        tabs.getTabs().retainAll(runsTab);
        welcomeModel.refresh();
        content.getChildren().setAll(welcomeView);
        welcomeView.focusDefault();
    }

    /** Opens a comparison of {@code a} (the baseline) with {@code b} in a new tab and selects it. */
    public CompareViewModel compare(RunSummary a, RunSummary b) {
        CompareViewModel model = new CompareViewModel(services.runs(), services.compare(), services.reports(), runner);
        Tab tab = new Tab(label(a) + " ↔ " + label(b), new CompareView(model));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        model.load(a.id(), b.id(), preferences.diffOptionsProperty().get());
        return model;
    }

    /** Closes the selected comparison tab (the runs tab stays). */
    void closeTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected != runsTab) {
            tabs.getTabs().remove(selected);
        }
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project folder");
        Path current = runsModel.folderProperty().get();
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    void showPreferences() {
        PreferencesDialog dialog = new PreferencesDialog(window(), new PreferencesViewModel(preferences.snapshot()));
        decorate(dialog);
        dialog.showAndWait().ifPresent(preferences::apply);
    }

    void showAbout() {
        AboutDialog dialog = new AboutDialog(window(), icons.images().isEmpty() ? null : icons.images().get(icons.images().size() - 1));
        decorate(dialog);
        dialog.showAndWait();
    }

    /** Gives a dialog the app's theme and icon. */
    private void decorate(Dialog<?> dialog) {
        preferences.themeProperty().get().applyTo(dialog.getDialogPane());
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            icons.applyTo(stage);
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static String label(RunSummary r) {
        return r.name() != null ? r.name() : r.nativeId().substring(0, Math.min(8, r.nativeId().length()));
    }

    public RunsViewModel runsModel() { return runsModel; }
    public RunsView runsView() { return runsView; }
    public WelcomeViewModel welcomeModel() { return welcomeModel; }
    public WelcomeView welcomeView() { return welcomeView; }
    public PreferencesModel preferences() { return preferences; }
    TabPane tabs() { return tabs; }
    Tab runsTab() { return runsTab; }
    StackPane content() { return content; }
}
