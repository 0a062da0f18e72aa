package org.reprodiff.ui.runs;

import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.RunSummary;
import org.reprodiff.ui.common.Columns;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.common.TimeText;

/** The runs table with the project folder above it and the import status bar below it. */
public final class RunsView extends BorderPane {
    private final TableView<RunSummary> table = new TableView<>();

    /**
     * @param onOpenFolder asks for a folder to open
     * @param onCompare    compares the two selected runs: the first selected is A, the baseline
     */
    public RunsView(RunsViewModel model, Runnable onOpenFolder, BiConsumer<RunSummary, RunSummary> onCompare) {
        getStyleClass().add(Styles.RUNS_VIEW);
        Label folder = new Label();
        folder.getStyleClass().add(Styles.FOLDER_LABEL);
        folder.textProperty().bind(model.folderProperty().asString());
        Button open = new Button("Open Folder…");
        open.setOnAction(e -> onOpenFolder.run());
        Button compare = new Button("Compare");
        compare.setTooltip(new Tooltip("Compare the two selected runs (Ctrl+D)"));
        compare.getStyleClass().add(Styles.PRIMARY);
        Runnable compareSelected = () -> {
            List<RunSummary> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (selected.size() == 2) {
                onCompare.accept(selected.get(0), selected.get(1));
            }
        };
        compare.setOnAction(e -> compareSelected.run());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        MenuItem compareItem = new MenuItem("Compare");
        compareItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        compareItem.setOnAction(e -> compareSelected.run());
        compareItem.disableProperty().bind(compare.disableProperty());
        table.setContextMenu(new ContextMenu(compareItem));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (compareItem.getAccelerator().match(e)) {
                compareSelected.run();
                e.consume();
            }
        });
        Label hint = new Label("Select two runs and press Compare");
        hint.getStyleClass().add(Styles.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, folder, spacer, hint, compare, open);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 10, 12));
        header.getStyleClass().add(Styles.HEADER);
        setTop(header);

        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.busyProperty()).then("Importing runs…")
                .otherwise("No runs found. Open a folder that holds MLflow runs (mlruns/ or mlflow.db)."));
        table.setPlaceholder(empty);
        table.getColumns().add(Columns.text("Format", 80, RunSummary::format));
        table.getColumns().add(Columns.text("Name", 200, r -> r.name() == null ? r.nativeId() : r.name()));
        table.getColumns().add(Columns.text("Experiment", 160, RunSummary::experiment));
        table.getColumns().add(Columns.text("Status", 100, r -> r.status().name() + (r.deleted() ? " (deleted)" : "")));
        table.getColumns().add(Columns.text("Start", 130, r -> TimeText.of(r.startTime())));
        table.getColumns().add(Columns.text("Duration", 80, r -> duration(r.startTime(), r.endTime())));
        table.getColumns().add(Columns.text("Params", 60, r -> Integer.toString(r.paramCount())));
        table.getColumns().add(Columns.text("Twin group", 90, r -> r.twinGroup() == null ? "" : r.twinGroup()));
        table.getColumns().add(Columns.text("Metrics", 200, r -> String.join(", ", r.metricKeys())));
        setCenter(new VBox(table, problemsPane(model)));
        VBox.setVgrow(table, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.managedProperty().bind(model.busyProperty());
        bar.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox statusBar = new HBox(10, bar, status, cancel);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(6, 12, 6, 12));
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        setBottom(statusBar);
    }

    /**
     * The files the last import could not read, each as {@code file:where: message}; shown only when there are
     * some. Ctrl+C or the context menu copies the selected lines.
     */
    private static Node problemsPane(RunsViewModel model) {
        ListView<ImportProblem> list = new ListView<>(model.problems());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(140);
        Runnable copy = () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", list.getSelectionModel().getSelectedItems().stream().map(ImportProblem::toString).toList()));
            Clipboard.getSystemClipboard().setContent(content);
        };
        MenuItem copyItem = new MenuItem("Copy");
        copyItem.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copyItem.setOnAction(e -> copy.run());
        list.setContextMenu(new ContextMenu(copyItem));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (copyItem.getAccelerator().match(e)) {
                copy.run();
                e.consume();
            }
        });
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(Bindings.size(model.problems()).asString("Problems (%d): files that could not be read"));
        pane.setContent(list);
        pane.setExpanded(false);
        pane.getStyleClass().add(Styles.PROBLEMS);
        pane.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    public TableView<RunSummary> table() {
        return table;
    }

    private static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        Duration d = Duration.between(start, end);
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "." + d.toMillisPart() / 100 + "s";
    }
}
