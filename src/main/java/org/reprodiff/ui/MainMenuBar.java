package org.reprodiff.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.reprodiff.ui.common.Theme;
import org.reprodiff.ui.runs.RunsView;
import org.reprodiff.ui.runs.RunsViewModel;

/**
 * The main window's menu bar: File, Edit, Runs, View, Help, each command with a mnemonic and, where it is
 * frequent, a key. Items are disabled while their command cannot run (no project, nothing selected).
 */
final class MainMenuBar {
    private final MainWindow window;
    private final Path sampleProject;

    MainMenuBar(MainWindow window, Path sampleProject) {
        this.window = window;
        this.sampleProject = sampleProject;
    }

    MenuBar build() {
        RunsViewModel runs = window.runsModel();
        BooleanBinding noProject = runs.folderProperty().isNull();

        MenuItem open = item("_Open Folder…", key(KeyCode.O), window::chooseFolder);
        Menu recent = new Menu("Open _Recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem sample = item("Open the _Sample Project", null, () -> window.open(sampleProject));
        sample.setDisable(sampleProject == null || !Files.isDirectory(sampleProject));
        MenuItem reimport = item("Re_import", new KeyCodeCombination(KeyCode.F5), runs::importFolder);
        reimport.disableProperty().bind(noProject.or(runs.busyProperty()));
        MenuItem cancel = item("C_ancel Import", new KeyCodeCombination(KeyCode.ESCAPE, KeyCombination.SHORTCUT_DOWN), runs::cancel);
        cancel.disableProperty().bind(runs.busyProperty().not());
        MenuItem closeTab = item("Close _Tab", key(KeyCode.W), window::closeTab);
        closeTab.disableProperty().bind(Bindings.createBooleanBinding(
                () -> window.tabs().getSelectionModel().getSelectedItem() == window.runsTab(),
                window.tabs().getSelectionModel().selectedItemProperty()).or(noProject));
        MenuItem closeProject = item("_Close Project", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), window::closeProject);
        closeProject.disableProperty().bind(noProject);
        MenuItem quit = item("E_xit", key(KeyCode.Q), () -> {
            if (window.getScene() != null && window.getScene().getWindow() != null) {
                window.getScene().getWindow().hide();
            } else {
                Platform.exit();
            }
        });
        Menu file = new Menu("_File", null, open, recent, sample, new SeparatorMenuItem(), reimport, cancel,
                new SeparatorMenuItem(), closeTab, closeProject, new SeparatorMenuItem(), quit);

        MenuItem find = item("_Find Runs", RunsView.FIND_KEY, this::find);
        find.disableProperty().bind(noProject);
        MenuItem prefs = item("_Preferences…", key(KeyCode.COMMA), window::showPreferences);
        Menu edit = new Menu("_Edit", null, find, new SeparatorMenuItem(), prefs);

        MenuItem compare = item("_Compare", RunsView.COMPARE_KEY, () -> window.runsView().compare());
        compare.disableProperty().bind(runs.canCompareProperty().not());
        MenuItem pin = item("_Pin as Baseline", RunsView.PIN_KEY, runs::pinSelected);
        pin.disableProperty().bind(Bindings.isEmpty(runs.selection()));
        MenuItem unpin = item("C_lear Baseline", null, runs::clearBaseline);
        unpin.disableProperty().bind(runs.baselineProperty().isNull());
        MenuItem showRuns = item("Show _Runs", key(KeyCode.DIGIT1), () -> window.tabs().getSelectionModel().select(window.runsTab()));
        showRuns.disableProperty().bind(noProject);
        Menu runsMenu = new Menu("_Runs", null, compare, pin, unpin, new SeparatorMenuItem(), showRuns);

        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setSelected(window.preferences().themeProperty().get() == Theme.DARK);
        window.preferences().themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        dark.selectedProperty().addListener((o, a, b) -> window.preferences().themeProperty().set(b ? Theme.DARK : Theme.LIGHT));
        Menu view = new Menu("_View", null, dark);

        MenuItem about = item("_About Reprodiff", null, window::showAbout);
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, edit, runsMenu, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void find() {
        window.tabs().getSelectionModel().select(window.runsTab());
        window.runsView().focusFilter();
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        window.welcomeModel().refresh();
        window.welcomeModel().recent().forEach(p -> {
            MenuItem item = new MenuItem(p.path().toString() + (p.exists() ? "" : " (folder not found)"));
            item.setMnemonicParsing(false);
            item.setDisable(!p.exists());
            item.setOnAction(e -> window.open(p.path()));
            recent.getItems().add(item);
        });
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            recent.getItems().add(new SeparatorMenuItem());
            recent.getItems().add(item("_Clear Recent Projects", null, () -> window.preferences().recentProjects().clear()));
        }
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
