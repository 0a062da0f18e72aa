package org.reprodiff.ui.runs;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.ui.common.Styles;

/**
 * The files the last import could not read, each as {@code file:where: message} (the form the CLI prints);
 * shown only when there are some. Ctrl+C or the context menu copies the selected lines, Ctrl+A selects all.
 */
final class ProblemsPane extends TitledPane {
    private final ListView<ImportProblem> list;

    ProblemsPane(RunsViewModel model) {
        list = new ListView<>(model.problems());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ImportProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                setGraphic(empty || p == null ? null : lines(p));
                setTooltip(empty || p == null ? null : new Tooltip(p.toString()));
            }
        });
        MenuItem copyItem = new MenuItem("_Copy");
        copyItem.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copyItem.setOnAction(e -> copy());
        MenuItem copyAll = new MenuItem("Copy _All");
        copyAll.setOnAction(e -> {
            list.getSelectionModel().selectAll();
            copy();
        });
        list.setContextMenu(new ContextMenu(copyItem, copyAll));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (copyItem.getAccelerator().match(e)) {
                copy();
                e.consume();
            }
        });
        textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d): files that could not be read"));
        setContent(list);
        setExpanded(true);
        getStyleClass().add(Styles.PROBLEMS);
        visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        managedProperty().bind(visibleProperty());
    }

    /** A problem as two lines: the file name, place and message first, then the folder it is in. */
    private static javafx.scene.Node lines(ImportProblem p) {
        String name = p.file();
        String folder = "";
        int slash = Math.max(p.file().lastIndexOf('/'), p.file().lastIndexOf('\\'));
        if (slash > 0 && slash < p.file().length() - 1) {
            name = p.file().substring(slash + 1);
            folder = p.file().substring(0, slash);
        }
        javafx.scene.control.Label what = new javafx.scene.control.Label(
                name + (p.where().isEmpty() ? "" : ":" + p.where()) + ": " + p.message());
        javafx.scene.control.Label where = new javafx.scene.control.Label(folder);
        where.getStyleClass().add(Styles.MUTED);
        return new javafx.scene.layout.VBox(1, what, where);
    }

    /** Copies the selected problems, one per line. */
    void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", list.getSelectionModel().getSelectedItems().stream().map(ImportProblem::toString).toList()));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
