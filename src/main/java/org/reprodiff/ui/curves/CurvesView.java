package org.reprodiff.ui.curves;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartCanvas;
import org.reprodiff.chart.LiveMetricChart;
import org.reprodiff.diff.DiffOptions.Alignment;

/**
 * The metric-curves view: a tool bar (x-axis, smoothing, log scale, reset zoom), the zoomable chart of
 * {@link CurvesViewModel} (overlay of A and B, the delta B − A below on the same x-axis, the first divergence
 * marked, the "N of M points drawn" note as its subtitle) and the crosshair read-out of A, B and Δ under it. Mouse: the wheel zooms around the
 * pointer, a drag pans, a double click shows everything again. The chart canvas keeps JFreeChart's drawing but
 * none of its mouse handlers: zooming goes through the view model, which re-decimates the visible range.
 */
public final class CurvesView extends BorderPane {
    public static final String STYLE = "curves-view";
    public static final String TOOLBAR = "curves-toolbar";
    public static final String READOUT = "curves-readout";
    public static final String CROSSHAIR = "curves-crosshair";
    public static final String MESSAGE = "curves-message";
    private static final double WHEEL_STEP = 0.8;

    private final CurvesViewModel model;
    private final ChartCanvas canvas;
    private final Line crosshair = new Line();
    private double dragX = Double.NaN;

    public CurvesView(CurvesViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        canvas = new ChartCanvas(model.chart());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(e -> dragX = Double.NaN);
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnMouseMoved(e -> point(e.getX()));
        canvas.setOnMouseExited(e -> {
            crosshair.setVisible(false);
            model.clearReadout();
        });
        canvas.setOnScroll(this::scrolled);
        setTop(toolbar());
        setCenter(chartPane());
        Label readout = new Label();
        readout.getStyleClass().add(READOUT);
        readout.textProperty().bind(javafx.beans.binding.Bindings.when(model.readoutProperty().isEmpty())
                .then("Point at the chart to read A, B and Δ; wheel to zoom, drag to pan, double-click to see all.")
                .otherwise(model.readoutProperty()));
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        setBottom(readout);
    }

    public CurvesViewModel model() {
        return model;
    }

    private HBox toolbar() {
        ChoiceBox<Alignment> axis = new ChoiceBox<>(model.axes());
        axis.valueProperty().bindBidirectional(model.xAxisProperty());
        axis.setConverter(new StringConverter<>() {
            @Override
            public String toString(Alignment a) {
                return a == null ? "" : switch (a) {
                    case STEP -> "Step";
                    case INDEX -> "Point index";
                    case RELATIVE_TIME -> "Relative time";
                    case WALL_TIME -> "Wall time";
                };
            }

            @Override
            public Alignment fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        axis.setTooltip(new Tooltip("What the x-axis shows"));
        Slider smoothing = new Slider(0, 0.99, 0);
        smoothing.valueProperty().bindBidirectional(model.smoothingProperty());
        smoothing.setPrefWidth(140);
        smoothing.setTooltip(new Tooltip("Exponential moving average, debiased (as TensorBoard); raw curves stay faint behind"));
        Label weight = new Label();
        weight.textProperty().bind(model.smoothingProperty().asString(java.util.Locale.ROOT, "%.2f"));
        weight.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox log = new CheckBox("Log scale");
        log.selectedProperty().bindBidirectional(model.logScaleProperty());
        Button reset = new Button("Reset zoom");
        reset.setOnAction(e -> model.resetZoom());
        reset.setTooltip(new Tooltip("Show the whole curves (or double-click the chart)"));
        Label axisLabel = new Label("X-axis");
        axisLabel.setLabelFor(axis);
        Label smoothLabel = new Label("Smoothing");
        smoothLabel.setLabelFor(smoothing);
        HBox bar = new HBox(8, axisLabel, axis, smoothLabel, smoothing, weight, log, reset);
        for (var n : bar.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.getStyleClass().add(TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private StackPane chartPane() {
        Pane overlay = new Pane(crosshair);
        overlay.setMouseTransparent(true);
        crosshair.getStyleClass().add(CROSSHAIR);
        crosshair.setVisible(false);
        crosshair.setManaged(false);
        Label message = new Label();
        message.getStyleClass().add(MESSAGE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotNull());
        message.setWrapText(true);
        StackPane pane = new StackPane(canvas, overlay, message);
        pane.setMinSize(0, 0);
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        canvas.visibleProperty().bind(model.messageProperty().isNull());
        canvas.widthProperty().addListener((o, old, w) -> model.columnsProperty().set(columns()));
        return pane;
    }

    /**
     * One decimation column per pixel of the canvas width: at least one per pixel of the plot (which is narrower by
     * its axis), so every column the eye sees keeps its first, lowest, highest and last point.
     */
    private int columns() {
        return (int) Math.max(50, Math.ceil(canvas.getWidth()));
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            dragX = e.getX();
        }
    }

    private void dragged(MouseEvent e) {
        Rectangle2D area = LiveMetricChart.dataArea(canvas.getRenderingInfo());
        if (Double.isNaN(dragX) || area == null) {
            return;
        }
        double[] range = model.visibleRange();
        double dx = (dragX - e.getX()) * (range[1] - range[0]) / area.getWidth();
        dragX = e.getX();
        model.pan(dx);
        point(e.getX());
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            model.resetZoom();
        }
    }

    private void scrolled(ScrollEvent e) {
        Rectangle2D area = LiveMetricChart.dataArea(canvas.getRenderingInfo());
        if (area == null || e.getDeltaY() == 0) {
            return;
        }
        double at = model.chartX(e.getX(), area);
        model.zoom(at, e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP);
        e.consume();
    }

    /** Moves the crosshair to the pointer and updates the read-out; hides it outside the plot. */
    private void point(double px) {
        Rectangle2D area = LiveMetricChart.dataArea(canvas.getRenderingInfo());
        if (area == null || px < area.getMinX() || px > area.getMaxX()) {
            crosshair.setVisible(false);
            model.clearReadout();
            return;
        }
        crosshair.setStartX(px);
        crosshair.setEndX(px);
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        model.pointAt(model.chartX(px, area));
    }
}
