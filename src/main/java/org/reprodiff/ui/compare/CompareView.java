package org.reprodiff.ui.compare;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.reprodiff.ui.curves.CurvePair;
import org.reprodiff.ui.curves.CurvesView;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.ui.common.Styles;
import org.reprodiff.ui.compare.DifferenceNavigator.Location;

/**
 * The compare view: both runs' identity, the verdict banner with the ranked causes (a click selects the cause's
 * tab and row), a toolbar (previous/next difference, only differences, search, export), then one tab per facet
 * with its count of differences and, last, the metrics. Keys: F7 / Shift+F7 next/previous difference across all
 * tabs, Ctrl+Shift+A toggles only differences, Ctrl+F searches (Escape clears), Ctrl+C copies the selected rows.
 * The logic (rows, filter, navigation, copy text) lives in {@link CompareViewModel}; this class only lays out.
 */
public final class CompareView extends BorderPane {
    static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F7);
    static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN);
    static final KeyCombination TOGGLE = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** Causes listed before "Show all". */
    private static final int CAUSES_SHOWN = 5;

    private final TabPane facets = new TabPane();
    private final List<TableView<?>> tables = new ArrayList<>();
    private final TextField search = new TextField();
    private final Label navigation = new Label();
    private TableView<MetricDiff> metricsTable;

    private final CompareViewModel model;

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.COMPARE_VIEW);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label comparing = new Label("Comparing…");
        comparing.getStyleClass().add(Styles.MUTED);
        VBox loading = new VBox(10, spinner, comparing);
        loading.setAlignment(Pos.CENTER);
        setCenter(loading);
        model.resultProperty().addListener((o, old, compared) -> {
            if (compared != null) {
                show(compared);
            }
        });
        model.errorProperty().addListener((o, old, message) -> {
            if (message != null) {
                Label title = new Label("Could not compare these runs");
                title.getStyleClass().add(Styles.ERROR_TEXT);
                Label detail = new Label(message);
                detail.setWrapText(true);
                detail.getStyleClass().add(Styles.MUTED);
                VBox error = new VBox(6, title, detail);
                error.setAlignment(Pos.CENTER);
                error.setMaxWidth(560);
                setCenter(error);
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        if (model.resultProperty().get() == null) {
            return;
        }
        if (NEXT.match(e)) {
            go(model.nextDifference(current()));
        } else if (PREVIOUS.match(e)) {
            go(model.previousDifference(current()));
        } else if (TOGGLE.match(e)) {
            model.onlyDifferencesProperty().set(!model.onlyDifferencesProperty().get());
        } else if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
        } else if (e.getCode() == KeyCode.ESCAPE && search.isFocused() && !search.getText().isEmpty()) {
            search.clear();
        } else {
            return;
        }
        e.consume();
    }

    private void show(ComparedRuns compared) {
        Comparison c = compared.comparison();
        facets.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        facets.getStyleClass().add(Styles.FACET_TABS);
        facets.getTabs().clear();
        tables.clear();
        for (FacetSection section : model.sections()) {
            FacetTable table = new FacetTable(section);
            tables.add(table);
            Tab tab = new Tab(section.tabTitle(), facetPane(section, table));
            tab.setId(section.id());
            facets.getTabs().add(tab);
        }
        BorderPane metricsContent = new BorderPane(metricsPane(c.metrics()));
        if (model.metricsNotice() != null) {
            metricsContent.setTop(notice(model.metricsNotice()));
        }
        Tab metrics = new Tab(model.metricsTabTitle(), metricsContent);
        metrics.setId("metrics");
        tables.add(metricsTable);
        facets.getTabs().add(metrics);
        facets.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> focusTable(index.intValue()));
        setTop(new VBox(new RunHeader(model.runCards()), banner(c), toolbar(compared)));
        setCenter(facets);
        facets.getSelectionModel().select(model.openingTab());
        Platform.runLater(() -> focusTable(facets.getSelectionModel().getSelectedIndex()));
    }

    private void focusTable(int index) {
        if (index >= 0 && index < tables.size()) {
            tables.get(index).requestFocus();
        }
    }

    /** The selected tab and the selected row in its table (-1 when none). */
    private Location current() {
        int tab = facets.getSelectionModel().getSelectedIndex();
        int row = tab < 0 ? -1 : tables.get(tab).getSelectionModel().getSelectedIndex();
        return new Location(tab, row);
    }

    /** Selects a location's tab and, when it has one, its row, scrolled into view with a little context above. */
    private void go(Optional<Location> target) {
        navigation.setText(target.isPresent() ? "" : "No differences to go to.");
        target.ifPresent(loc -> {
            facets.getSelectionModel().select(loc.tab());
            TableView<?> table = tables.get(loc.tab());
            if (loc.row() >= 0) {
                table.getSelectionModel().clearAndSelect(loc.row());
                table.getFocusModel().focus(loc.row());
                table.scrollTo(Math.max(0, loc.row() - 2));
            }
            table.requestFocus();
        });
    }

    /** A facet's tab content: the not-captured notice, the table (the code tab adds the patch) and the summary. */
    private Node facetPane(FacetSection section, FacetTable table) {
        BorderPane pane = new BorderPane();
        if (section.notCaptured() != null) {
            pane.setTop(notice(section.notCaptured()));
        }
        Label summary = new Label();
        summary.textProperty().bind(section.summaryProperty());
        summary.getStyleClass().addAll(Styles.MUTED, Styles.FACET_SUMMARY);
        summary.setMaxWidth(Double.MAX_VALUE);
        if ("code".equals(section.id())) {
            List<PatchLine> lines = model.patchLines();
            PatchView patch = new PatchView(model.patchNote(), lines);
            if (lines.isEmpty()) {
                pane.setCenter(table);
                pane.setBottom(new VBox(patch, summary));
            } else {
                SplitPane split = new SplitPane(table, patch);
                split.setOrientation(Orientation.VERTICAL);
                split.setDividerPositions(0.45);
                pane.setCenter(split);
                pane.setBottom(summary);
            }
        } else {
            pane.setCenter(table);
            pane.setBottom(summary);
        }
        return pane;
    }

    private static Label notice(String text) {
        Label notice = new Label(text);
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.getStyleClass().add(Styles.NOT_CAPTURED);
        return notice;
    }

    /** Previous/next difference, only differences, search; the export controls on the right. */
    private Node toolbar(ComparedRuns compared) {
        Button previous = new Button("↑ Previous");
        previous.setTooltip(new Tooltip("Previous difference, across all tabs (Shift+F7)"));
        previous.setOnAction(e -> go(model.previousDifference(current())));
        Button next = new Button("↓ Next");
        next.setTooltip(new Tooltip("Next difference, across all tabs (F7)"));
        next.setOnAction(e -> go(model.nextDifference(current())));
        CheckBox only = new CheckBox("Only differences");
        only.setId("only-differences");
        only.selectedProperty().bindBidirectional(model.onlyDifferencesProperty());
        only.setTooltip(new Tooltip("Show only the differences; clear it to list every entry, equal ones too (Ctrl+Shift+A)"));
        search.setId("compare-search");
        search.setPromptText("Filter by key or value (Ctrl+F)");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setTooltip(new Tooltip("Keeps the rows whose key, values or note contain this text; Escape clears it"));
        navigation.getStyleClass().add(Styles.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, previous, next, new Separator(Orientation.VERTICAL), only, search, navigation, spacer,
                exportBar(compared));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 14, 6, 14));
        bar.getStyleClass().add(Styles.COMPARE_TOOLBAR);
        return bar;
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
        HBox bar = new HBox(10, status, open, export);
        bar.setAlignment(Pos.CENTER_RIGHT);
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

    private Node banner(Comparison c) {
        Label verdict = new Label(c.verdict().name());
        verdict.getStyleClass().add(Styles.VERDICT_TITLE);
        Label meaning = new Label(meaning(c));
        meaning.setWrapText(true);
        HBox title = new HBox(12, verdict, meaning);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(3, title);
        VBox causes = new VBox(0);
        int rank = 1;
        for (Cause cause : c.causes()) {
            Hyperlink link = new Hyperlink(rank + ".  " + cause.summary());
            link.setTooltip(new Tooltip("Show it on the " + ("hardware".equals(cause.facet()) ? "environment" : cause.facet()) + " tab"));
            link.setOnAction(e -> reveal(cause));
            link.setVisible(rank <= CAUSES_SHOWN);
            link.managedProperty().bind(link.visibleProperty());
            causes.getChildren().add(link);
            rank++;
        }
        box.getChildren().add(causes);
        if (c.causes().size() > CAUSES_SHOWN) {
            Hyperlink more = new Hyperlink("Show all " + c.causes().size() + " causes");
            more.getStyleClass().add(Styles.MORE_LINK);
            more.setOnAction(e -> {
                causes.getChildren().forEach(n -> n.setVisible(true));
                box.getChildren().remove(more);
            });
            box.getChildren().add(more);
        }
        for (String suspect : c.suspects()) {
            if (!suspect.startsWith("not captured")) {
                box.getChildren().add(new Label("•  " + suspect));
            }
        }
        if (!c.notCaptured().isEmpty()) {
            Label gaps = new Label("Not captured: " + String.join(", ", c.notCaptured().stream()
                    .map(n -> ComparisonSections.name(n.facet()) + " (" + ("both".equals(n.side()) ? "both runs" : "run " + n.side()) + ")")
                    .toList()) + ".");
            gaps.setWrapText(true);
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
        go(model.locate(cause));
    }

    /** The metrics table above the selected metric's curves (the first diverging one at first). */
    private Node metricsPane(List<MetricDiff> metrics) {
        TableView<MetricDiff> table = new MetricsTable(metrics);
        metricsTable = table;
        CurvesView curves = new CurvesView(model.curves());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, m) -> {
            ComparedRuns compared = model.resultProperty().get();
            model.curves().show(m == null || compared == null ? null : CurvePair.of(compared, m));
        });
        metrics.stream().filter(m -> !m.system() && m.diverges()).findFirst()
                .or(() -> metrics.stream().findFirst())
                .ifPresent(m -> table.getSelectionModel().select(m));
        SplitPane split = new SplitPane(table, curves);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        return split;
    }
}
