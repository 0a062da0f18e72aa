package org.reprodiff.ui.runs;

import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.collections.ListChangeListener;
import org.reprodiff.model.RunSummary;
import org.reprodiff.ui.common.Styles;

/**
 * The runs screen: a toolbar (project, filter, metric columns, baseline, Compare), the sources tree beside the
 * runs table with the problems of the last import below it, and the import status bar. Selecting a tree node
 * narrows the table to it. Commands with keys: Compare (Ctrl+D), Pin as Baseline (Ctrl+B), Find (Ctrl+F).
 */
public final class RunsView extends BorderPane {
    public static final KeyCombination COMPARE_KEY = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PIN_KEY = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FIND_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final RunsViewModel model;
    private final BiConsumer<RunSummary, RunSummary> onCompare;
    private final RunsTable table;
    private final TextField filter = new TextField();
    private final TreeView<SourceNode> tree = new TreeView<>();

    /** @param onCompare opens a comparison of A (the baseline) with B */
    public RunsView(RunsViewModel model, BiConsumer<RunSummary, RunSummary> onCompare) {
        this.model = model;
        this.onCompare = onCompare;
        this.table = new RunsTable(model);
        getStyleClass().add(Styles.RUNS_VIEW);
        setTop(toolbar());

        table.setContextMenu(contextMenu());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> placeholder(), model.busyProperty(),
                model.filterProperty(), model.folderProperty(), model.errorProperty()));
        table.setPlaceholder(empty);
        VBox centre = new VBox(table, new ProblemsPane(model));
        VBox.setVgrow(table, Priority.ALWAYS);

        tree.getStyleClass().add(Styles.SOURCE_TREE);
        tree.setShowRoot(true);
        tree.setMinWidth(160);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(SourceNode node, boolean isEmpty) {
                super.updateItem(node, isEmpty);
                setText(isEmpty || node == null ? null : node.text());
                setTooltip(isEmpty || node == null || node.folder() == null ? null : new Tooltip(node.folder()));
            }
        });
        model.sourceTreeProperty().addListener((o, a, b) -> fillTree(b));
        model.scopeProperty().addListener((o, a, b) -> {
            if (tree.getRoot() != null && b != null) {
                select(tree.getRoot(), b);
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() != model.scopeProperty().get()) {
                model.scopeProperty().set(b.getValue());
            }
        });
        SplitPane split = new SplitPane(tree, centre);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(tree, false);
        setCenter(split);
        setBottom(new ImportStatusBar(model));
    }

    private HBox toolbar() {
        Label folder = new Label();
        folder.getStyleClass().add(Styles.FOLDER_LABEL);
        folder.textProperty().bind(Bindings.createStringBinding(
                () -> model.folderProperty().get() == null ? "" : String.valueOf(model.folderProperty().get().getFileName()),
                model.folderProperty()));
        folder.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> model.folderProperty().get() == null ? null : new Tooltip(model.folderProperty().get().toString()),
                model.folderProperty()));
        folder.setMinWidth(Label.USE_PREF_SIZE);
        filter.setPromptText("Filter runs (Ctrl+F)");
        filter.getStyleClass().add(Styles.FILTER_FIELD);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefColumnCount(22);
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                table.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
            }
        });
        MenuButton metrics = new MenuButton("_Metrics");
        metrics.setMnemonicParsing(true);
        metrics.setTooltip(new Tooltip("Choose the metrics shown as columns (final values)"));
        model.metricKeys().addListener((ListChangeListener<String>) c -> fillMetricMenu(metrics));
        model.metricColumns().addListener((ListChangeListener<String>) c -> fillMetricMenu(metrics));
        fillMetricMenu(metrics);
        metrics.disableProperty().bind(Bindings.isEmpty(model.metricKeys()));
        Label baseline = new Label();
        baseline.getStyleClass().add(Styles.BASELINE_BADGE);
        baseline.textProperty().bind(Bindings.createStringBinding(() -> model.baselineProperty().get() == null ? ""
                : "Baseline: " + RunRows.displayName(model.baselineProperty().get()), model.baselineProperty()));
        baseline.visibleProperty().bind(model.baselineProperty().isNotNull());
        baseline.managedProperty().bind(baseline.visibleProperty());
        Button compare = new Button("Compare");
        compare.setTooltip(new Tooltip("Compare the two selected runs, or the baseline with the selected run (Ctrl+D)"));
        compare.getStyleClass().add(Styles.PRIMARY);
        compare.setOnAction(e -> compare());
        compare.disableProperty().bind(model.canCompareProperty().not());
        Label hint = new Label();
        hint.getStyleClass().add(Styles.MUTED);
        hint.textProperty().bind(Bindings.when(model.baselineProperty().isNull())
                .then("Select two runs to compare").otherwise("Select a run to compare with the baseline"));
        hint.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, folder, filter, metrics, spacer, hint, baseline, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().addAll(Styles.HEADER, Styles.TOOLBAR);
        return bar;
    }

    private void fillMetricMenu(MenuButton menu) {
        menu.getItems().clear();
        for (String key : model.metricKeys()) {
            CheckMenuItem item = new CheckMenuItem(key);
            item.setMnemonicParsing(false);
            item.setSelected(model.metricColumns().contains(key));
            item.selectedProperty().addListener((o, was, on) -> {
                if (on && !model.metricColumns().contains(key)) {
                    model.metricColumns().add(key);
                } else if (!on) {
                    model.metricColumns().remove(key);
                }
            });
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new CustomMenuItem(new Label("No metrics in this project"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private ContextMenu contextMenu() {
        MenuItem compareItem = new MenuItem("_Compare");
        compareItem.setAccelerator(COMPARE_KEY);
        compareItem.setOnAction(e -> compare());
        compareItem.disableProperty().bind(model.canCompareProperty().not());
        MenuItem pin = new MenuItem("_Pin as Baseline");
        pin.setAccelerator(PIN_KEY);
        pin.setOnAction(e -> model.pinSelected());
        pin.disableProperty().bind(Bindings.isEmpty(model.selection()));
        MenuItem unpin = new MenuItem("C_lear Baseline");
        unpin.setOnAction(e -> model.clearBaseline());
        unpin.disableProperty().bind(model.baselineProperty().isNull());
        return new ContextMenu(compareItem, new SeparatorMenuItem(), pin, unpin);
    }

    private void fillTree(SourceNode root) {
        if (root == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<SourceNode> item = item(root);
        item.setExpanded(true);
        tree.setRoot(item);
        select(item, model.scopeProperty().get());
    }

    private static TreeItem<SourceNode> item(SourceNode node) {
        TreeItem<SourceNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        node.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private boolean select(TreeItem<SourceNode> item, SourceNode wanted) {
        if (item.getValue() == wanted) {
            tree.getSelectionModel().select(item);
            return true;
        }
        return item.getChildren().stream().anyMatch(c -> select(c, wanted));
    }

    private String placeholder() {
        if (model.folderProperty().get() == null) {
            return "No project is open.";
        }
        if (model.busyProperty().get()) {
            return "Importing runs…";
        }
        if (!model.filterProperty().get().isBlank()) {
            return "No run matches \u201c" + model.filterProperty().get().strip() + "\u201d. Press Esc to clear the filter.";
        }
        if (!model.errorProperty().get().isEmpty()) {
            return "The project could not be read; see the message below.";
        }
        return "No runs found in this folder. Reprodiff reads MLflow (mlruns/, mlflow.db), Weights & Biases (wandb/), "
                + "TensorBoard event files, Hydra outputs and CSV metric logs.";
    }

    /** Opens the comparison the selection makes (see {@link RunsViewModel#comparePair}). */
    public void compare() {
        model.compareSelection().ifPresent(p -> onCompare.accept(p.a(), p.b()));
    }

    public void pinSelected() {
        model.pinSelected();
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public javafx.scene.control.TableView<RunSummary> table() {
        return table;
    }

    public RunsViewModel model() {
        return model;
    }
}
