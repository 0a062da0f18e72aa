package org.reprodiff.ui.compare;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.ui.common.Columns;
import org.reprodiff.ui.common.Styles;

/**
 * The metrics tab's table: one row per metric with its points, first divergence, largest difference, final
 * values and, when A has a twin group, whether the final difference lies within the seed-to-seed spread (text by
 * {@link MetricText}). Numbers are right-aligned; a tracker's own metrics ({@code :system} rows) are greyed.
 */
final class MetricsTable extends TableView<MetricDiff> {
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("system");

    MetricsTable(List<MetricDiff> metrics) {
        setId("metrics-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(Columns.text("Metric", 200, MetricDiff::key));
        getColumns().add(Columns.text("Points A / B", 100, m -> m.pointsA() + " / " + m.pointsB()));
        getColumns().add(Columns.text("Common", 70, m -> Integer.toString(m.commonSteps())));
        getColumns().add(Columns.text("First divergence", 120, MetricText::firstDivergence));
        getColumns().add(Columns.text("Max |Δ|", 110, m -> Double.isNaN(m.maxAbsDiff()) ? "—" : MetricText.compact(m.maxAbsDiff())));
        getColumns().add(Columns.text("Final A", 110, m -> MetricText.compact(m.finalA())));
        getColumns().add(Columns.text("Final B", 110, m -> MetricText.compact(m.finalB())));
        getColumns().add(Columns.text("Seed spread", 220, MetricText::spread));
        getColumns().stream().skip(1).limit(6).forEach(col -> col.getStyleClass().add(Styles.NUMERIC_COLUMN));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MetricDiff m, boolean empty) {
                super.updateItem(m, empty);
                pseudoClassStateChanged(SYSTEM, !empty && m != null && m.system());
            }
        });
        getItems().addAll(metrics);
        setPlaceholder(new Label("Neither run recorded metrics."));
    }
}
