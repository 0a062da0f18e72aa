package org.reprodiff.ui.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.reprodiff.model.RunSummary;
import org.reprodiff.ui.common.Styles;

/** The runs table with the project folder above it and the import status bar below it. */
public final class RunsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final TableView<RunSummary> table = new TableView<>();

    public RunsView(RunsViewModel model, Runnable onOpenFolder) {
        getStyleClass().add(Styles.RUNS_VIEW);
        Label folder = new Label();
        folder.getStyleClass().add(Styles.FOLDER_LABEL);
        folder.textProperty().bind(model.folderProperty().asString());
        Button open = new Button("Open Folder…");
        open.setOnAction(e -> onOpenFolder.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, folder, spacer, open);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 10, 12));
        header.getStyleClass().add(Styles.HEADER);
        setTop(header);

        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet. Open a folder that holds MLflow runs (mlruns/ or mlflow.db)."));
        table.getColumns().add(column("Format", 80, RunSummary::format));
        table.getColumns().add(column("Name", 200, r -> r.name() == null ? r.nativeId() : r.name()));
        table.getColumns().add(column("Experiment", 160, RunSummary::experiment));
        table.getColumns().add(column("Status", 100, r -> r.status().name() + (r.deleted() ? " (deleted)" : "")));
        table.getColumns().add(column("Start", 130, r -> r.startTime() == null ? "" : TIME.format(r.startTime())));
        table.getColumns().add(column("Duration", 80, r -> duration(r.startTime(), r.endTime())));
        table.getColumns().add(column("Params", 60, r -> Integer.toString(r.paramCount())));
        table.getColumns().add(column("Metrics", 200, r -> String.join(", ", r.metricKeys())));
        setCenter(table);

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

    public TableView<RunSummary> table() {
        return table;
    }

    private static TableColumn<RunSummary, String> column(String title, double width, Function<RunSummary, String> value) {
        TableColumn<RunSummary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
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
