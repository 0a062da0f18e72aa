package org.reprodiff.ui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.reprodiff.model.RunSummary;
import org.reprodiff.ui.common.Columns;
import org.reprodiff.ui.common.NumberText;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.common.TimeText;

/**
 * The runs table: format badge, name (with a pin on the baseline), experiment, status, start, duration, twin
 * group and one column per chosen metric. Sorting is the view model's (on extracted keys): the table's sort
 * policy only tells the model which column and direction, so no cell comparator ever runs.
 */
final class RunsTable extends TableView<RunSummary> {
    private static final PseudoClass BASELINE = PseudoClass.getPseudoClass(Styles.BASELINE_PSEUDO_CLASS);
    private final RunsViewModel model;
    private final int fixedColumns;

    RunsTable(RunsViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.RUNS_TABLE);
        setItems(model.rows());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c ->
                model.selection().setAll(List.copyOf(getSelectionModel().getSelectedItems())));
        TableColumn<RunSummary, String> format = column("Format", 110, SortKey.of(SortKey.Column.FORMAT), RunSummary::format);
        format.setCellFactory(c -> new BadgeCell());
        getColumns().add(format);
        TableColumn<RunSummary, String> name = column("Name", 200, SortKey.of(SortKey.Column.NAME), RunRows::displayName);
        name.setCellFactory(c -> new NameCell(model));
        getColumns().add(name);
        getColumns().add(column("Experiment", 150, SortKey.of(SortKey.Column.EXPERIMENT), r -> r.experiment() == null ? "" : r.experiment()));
        getColumns().add(column("Status", 100, SortKey.of(SortKey.Column.STATUS), RunsTable::status));
        getColumns().add(column("Start", 130, SortKey.of(SortKey.Column.START), r -> TimeText.of(r.startTime())));
        TableColumn<RunSummary, String> duration = column("Duration", 80, SortKey.of(SortKey.Column.DURATION), RunsTable::duration);
        duration.setStyle("-fx-alignment: CENTER-RIGHT;");
        getColumns().add(duration);
        getColumns().add(column("Twin group", 230, SortKey.of(SortKey.Column.TWIN_GROUP), model::twinText));
        fixedColumns = getColumns().size();
        model.metricColumns().addListener((ListChangeListener<String>) c -> metricColumns());
        model.metricKeys().addListener((ListChangeListener<String>) c -> metricColumns());
        metricColumns();
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunSummary item, boolean empty) {
                super.updateItem(item, empty);
                RunSummary base = model.baselineProperty().get();
                pseudoClassStateChanged(BASELINE, !empty && item != null && base != null && base.id() == item.id());
            }
        });
        model.baselineProperty().addListener((o, a, b) -> refresh());
        setSortPolicy(t -> {
            if (getSortOrder().isEmpty()) {
                model.sort(null, true);
            } else {
                TableColumn<RunSummary, ?> c = getSortOrder().get(0);
                model.sort((SortKey) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<RunSummary, String> column(String title, double width, SortKey key, Function<RunSummary, String> text) {
        TableColumn<RunSummary, String> c = Columns.text(title, width, text);
        c.setUserData(key);
        c.setComparator((a, b) -> 0);
        return c;
    }

    /** One column per chosen metric, after the fixed ones; refreshes when final values arrive. */
    private void metricColumns() {
        List<TableColumn<RunSummary, ?>> sortedBy = List.copyOf(getSortOrder());
        getColumns().remove(fixedColumns, getColumns().size());
        for (String key : model.metricColumns()) {
            if (!model.metricKeys().contains(key)) {
                continue;
            }
            TableColumn<RunSummary, String> c = column(key, Math.max(90, key.length() * 8.0 + 28), SortKey.metric(key), r -> {
                Double v = model.finalValue(r, key);
                return v == null ? "" : NumberText.of(v);
            });
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            getColumns().add(c);
        }
        getSortOrder().setAll(sortedBy.stream().filter(getColumns()::contains).toList());
    }

    static String status(RunSummary r) {
        String s = r.status().name();
        if (r.deleted()) {
            s += " (deleted)";
        }
        return r.truncated() ? s + " (truncated)" : s;
    }

    static String duration(RunSummary r) {
        long ms = RunRows.durationMillis(r);
        String text = ms == Long.MIN_VALUE ? null : TimeText.duration(ms);
        return text == null ? "" : text;
    }

    /** The format as a coloured badge; colours come from the stylesheet, one per format. */
    private static final class BadgeCell extends TableCell<RunSummary, String> {
        private final Label badge = new Label();

        BadgeCell() {
            badge.getStyleClass().add(Styles.FORMAT_BADGE);
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String format, boolean empty) {
            super.updateItem(format, empty);
            if (empty || format == null) {
                setGraphic(null);
                return;
            }
            badge.setText(format);
            badge.getStyleClass().setAll("label", Styles.FORMAT_BADGE, Styles.format(format));
            setGraphic(badge);
            setText(null);
        }
    }

    /** The run's name, with a "baseline" badge on the pinned run. */
    private static final class NameCell extends TableCell<RunSummary, String> {
        private final Label pin = new Label("baseline");
        private final RunsViewModel model;

        NameCell(RunsViewModel model) {
            this.model = model;
            pin.getStyleClass().add(Styles.BASELINE_BADGE);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(empty ? null : name);
            RunSummary run = empty || getTableRow() == null ? null : getTableRow().getItem();
            RunSummary base = model.baselineProperty().get();
            setGraphic(run != null && base != null && run.id() == base.id() ? pin : null);
        }
    }
}
