package org.reprodiff.ui.compare;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.geometry.Orientation;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.StoredRun;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.ui.common.Columns;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.common.TimeText;

/**
 * The compare view: both runs' identity, the verdict banner with the ranked causes (a click jumps to the facet and
 * row), what was not captured, then one tab per facet listing only the differences, with its count in the tab.
 */
public final class CompareView extends BorderPane {
    private final TabPane facets = new TabPane();

    private final CompareViewModel model;

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.COMPARE_VIEW);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        setCenter(spinner);
        model.resultProperty().addListener((o, old, compared) -> {
            if (compared != null) {
                show(compared);
            }
        });
        model.errorProperty().addListener((o, old, message) -> {
            if (message != null) {
                Label error = new Label("Could not compare: " + message);
                error.getStyleClass().add(Styles.ERROR_TEXT);
                setCenter(error);
            }
        });
    }

    private void show(ComparedRuns compared) {
        Comparison c = compared.comparison();
        facets.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        facets.getTabs().clear();
        for (FacetDiff f : c.facets()) {
            facets.getTabs().add(facetTab(f));
        }
        long diverging = c.metrics().stream().filter(MetricDiff::diverges).count();
        Tab metrics = new Tab("Metrics (" + diverging + ")", metricsPane(c.metrics()));
        metrics.setId("metrics");
        facets.getTabs().add(metrics);
        VBox top = new VBox(header(compared), banner(c), exportBar(compared));
        String opening = c.causes().isEmpty() ? "metrics" : c.causes().get(0).facet().replace("hardware", "environment");
        facets.getTabs().stream().filter(t -> opening.equals(t.getId())).findFirst()
                .ifPresent(t -> facets.getSelectionModel().select(t));
        setTop(top);
        setCenter(facets);
    }

    /** Export… with a save dialog; the report is written off the FX thread and can be opened when saved. */
    private Node exportBar(ComparedRuns compared) {
        Button export = new Button("Export Report…");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the reproducibility report");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF", "*.pdf"),
                    new FileChooser.ExtensionFilter("HTML", "*.html"), new FileChooser.ExtensionFilter("Markdown", "*.md"),
                    new FileChooser.ExtensionFilter("JSON", "*.json"));
            chooser.setInitialFileName("reprodiff-" + safe(ComparedRuns.label(compared.a())) + "-vs-"
                    + safe(ComparedRuns.label(compared.b())) + ".pdf");
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.export(file.toPath());
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.exportStatusProperty());
        status.getStyleClass().add(Styles.MUTED);
        Hyperlink open = new Hyperlink("Open");
        open.visibleProperty().bind(model.exportedProperty().isNotNull());
        open.setOnAction(e -> openFile(model.exportedProperty().get()));
        HBox bar = new HBox(10, export, status, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 14, 6, 14));
        return bar;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Opens a file with the desktop's default application, off the FX thread. */
    private static void openFile(Path file) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported()) {
                    Desktop.getDesktop().open(file.toFile());
                }
            } catch (IOException | UnsupportedOperationException e) {
                System.err.println("reprodiff: cannot open " + file + ": " + e.getMessage());
            }
        }, "reprodiff-open-file");
        t.setDaemon(true);
        t.start();
    }

    private static Node header(ComparedRuns compared) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.RUN_HEADER);
        grid.setHgap(24);
        grid.setVgap(2);
        grid.setPadding(new Insets(10, 14, 10, 14));
        runCard(grid, 0, "A", compared.a());
        runCard(grid, 1, "B", compared.b());
        return grid;
    }

    private static void runCard(GridPane grid, int column, String side, StoredRun r) {
        Label name = new Label(side + "  " + ComparedRuns.label(r));
        name.getStyleClass().add(Styles.RUN_NAME);
        Label details = new Label(r.run().format() + " · " + r.run().status()
                + (r.run().startTime() == null ? "" : " · " + TimeText.of(r.run().startTime())));
        Label source = new Label(r.run().source());
        source.getStyleClass().add(Styles.MUTED);
        source.setMaxWidth(520);
        source.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        source.setTooltip(new Tooltip(r.run().source()));
        grid.add(new VBox(2, name, details, source), column, 0);
    }

    private Node banner(Comparison c) {
        Label verdict = new Label(c.verdict().name());
        verdict.getStyleClass().add(Styles.VERDICT_TITLE);
        Label meaning = new Label(meaning(c));
        VBox box = new VBox(4, new HBox(12, verdict, meaning));
        ((HBox) box.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        int rank = 1;
        for (Cause cause : c.causes()) {
            Hyperlink link = new Hyperlink(rank++ + ". [" + cause.facet() + "] " + cause.summary());
            link.setOnAction(e -> reveal(cause));
            box.getChildren().add(link);
        }
        for (String suspect : c.suspects()) {
            box.getChildren().add(new Label("• " + suspect));
        }
        if (!c.notCaptured().isEmpty()) {
            Label gaps = new Label("Not captured: " + String.join(", ", c.notCaptured().stream()
                    .map(n -> n.facet().id() + " (" + n.side() + ")").toList()));
            gaps.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(gaps);
        }
        box.setPadding(new Insets(10, 14, 10, 14));
        box.getStyleClass().addAll(Styles.VERDICT_BANNER, Styles.verdict(c.verdict().name()));
        return box;
    }

    private static String meaning(Comparison c) {
        return switch (c.verdict()) {
            case REPRODUCED -> "Recorded inputs are equal and the outputs agree within tolerance.";
            case NONDETERMINISTIC -> "Recorded inputs are equal but the outputs differ.";
            case EXPLAINED -> "Inputs differ and the outputs differ: the likely causes, most likely first.";
            case ROBUST -> "Inputs differ but the outputs agree within tolerance.";
        };
    }

    /** Selects the cause's facet tab and its row. */
    private void reveal(Cause cause) {
        String tabId = switch (cause.facet()) {
            case "hardware" -> "environment";
            default -> cause.facet();
        };
        for (Tab tab : facets.getTabs()) {
            if (tabId.equals(tab.getId())) {
                facets.getSelectionModel().select(tab);
                if (tab.getContent() instanceof BorderPane pane && pane.getCenter() instanceof TableView<?> table) {
                    selectKey(table, cause.key());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void selectKey(TableView<?> table, String key) {
        TableView<Difference> t = (TableView<Difference>) table;
        for (Difference d : t.getItems()) {
            if (d.key().equals(key)) {
                t.getSelectionModel().select(d);
                t.scrollTo(d);
                t.requestFocus();
            }
        }
    }

    private static Tab facetTab(FacetDiff f) {
        TableView<Difference> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Key", 260, Difference::key));
        table.getColumns().add(Columns.text("A", 220, d -> d.a() == null ? "—" : d.a()));
        table.getColumns().add(Columns.text("B", 220, d -> d.b() == null ? "—" : d.b()));
        table.getColumns().add(Columns.text("Change", 200, d -> changeText(d)));
        table.getItems().addAll(f.differences());
        table.getItems().addAll(f.expected());
        table.setPlaceholder(new Label(f.equal() == 0 ? "Nothing recorded on either side." : "No differences."));
        Label equal = new Label(f.differences().size() + " differ · " + f.expected().size() + " expected · " + f.equal() + " equal (not shown)");
        equal.getStyleClass().add(Styles.MUTED);
        equal.setPadding(new Insets(6, 10, 6, 10));
        BorderPane pane = new BorderPane(table);
        pane.setBottom(equal);
        Tab tab = new Tab(title(f.facet().id()) + " (" + f.differences().size() + ")", pane);
        tab.setId(f.facet().id());
        return tab;
    }

    private static String changeText(Difference d) {
        String change = switch (d.change()) {
            case ADDED -> "only in B";
            case REMOVED -> "only in A";
            default -> d.change().id();
        };
        return d.note().isEmpty() ? change : change + " · " + d.note();
    }

    /** The metrics table above the selected metric's overlay chart (the first diverging one at first). */
    private Node metricsPane(List<MetricDiff> metrics) {
        TableView<MetricDiff> table = metricsTable(metrics);
        ChartViewer viewer = new ChartViewer();
        model.chartProperty().addListener((o, old, chart) ->
                viewer.setChart(chart == null ? null : model.chartFactory().toJFreeChart(chart)));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, m) -> model.showMetric(m));
        metrics.stream().filter(m -> !m.system() && m.diverges()).findFirst()
                .or(() -> metrics.stream().findFirst())
                .ifPresent(m -> table.getSelectionModel().select(m));
        BorderPane chartPane = new BorderPane(viewer);
        SplitPane split = new SplitPane(table, chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        return split;
    }

    private static TableView<MetricDiff> metricsTable(List<MetricDiff> metrics) {
        TableView<MetricDiff> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Metric", 200, MetricDiff::key));
        table.getColumns().add(Columns.text("Points A / B", 100, m -> m.pointsA() + " / " + m.pointsB()));
        table.getColumns().add(Columns.text("Common", 70, m -> Integer.toString(m.commonSteps())));
        table.getColumns().add(Columns.text("First divergence", 120, m -> m.identical() ? "identical"
                : m.firstDivergenceStep() == null ? (m.diverges() ? "—" : "within tolerance") : "step " + m.firstDivergenceStep()));
        table.getColumns().add(Columns.text("Max |Δ|", 110, m -> Double.isNaN(m.maxAbsDiff()) ? "—" : Numbers.format(m.maxAbsDiff())));
        table.getColumns().add(Columns.text("Final A", 110, m -> Numbers.format(m.finalA())));
        table.getColumns().add(Columns.text("Final B", 110, m -> Numbers.format(m.finalB())));
        table.getItems().addAll(metrics);
        table.setPlaceholder(new Label("Neither run recorded metrics."));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static String title(String facetId) {
        return switch (facetId) {
            case "params" -> "Parameters";
            case "codeState" -> "Code state";
            default -> Character.toUpperCase(facetId.charAt(0)) + facetId.substring(1);
        };
    }
}
