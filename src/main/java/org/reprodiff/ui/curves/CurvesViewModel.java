package org.reprodiff.ui.curves;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.reprodiff.chart.CurveOverlay;
import org.reprodiff.chart.LiveMetricChart;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.model.Numbers;
import org.reprodiff.ui.common.TaskRunner;

/**
 * The state of the metric-curves view and its commands, without a node: the metric shown ({@link CurvePair}), the
 * x-axis (step, relative time, wall time; the time axes only when a run recorded wall times), the smoothing weight,
 * the log scale, the visible x range (zoom and pan), the "N of M points drawn" note and the crosshair read-out.
 *
 * <p>Preparing a metric for an axis ({@link CurveOverlay#of}, a pass over all raw points) runs on the task runner,
 * latest request wins. Everything after that is a frame: {@link LiveMetricChart#draw} decimates the visible range
 * to one M4 column per pixel on the calling (UI) thread, fast enough for every pan or zoom step.
 */
public final class CurvesViewModel {
    /** The narrowest x range a zoom reaches, as a fraction of the full range. */
    private static final double MIN_SPAN = 1e-7;

    private final TaskRunner runner;
    private final LiveMetricChart live;
    private final ReadOnlyObjectWrapper<CurvePair> pair = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CurveOverlay> overlay = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Alignment> xAxis = new SimpleObjectProperty<>(Alignment.STEP);
    private final ObservableList<Alignment> axes = FXCollections.observableArrayList(Alignment.STEP);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final IntegerProperty columns = new SimpleIntegerProperty(1000);
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty readout = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("Select a metric to see its curves.");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private double x0;
    private double x1 = 1;
    private TaskRunner.Handle preparing;
    private boolean switchingMetric;

    public CurvesViewModel(TaskRunner runner, MetricChartFactory charts) {
        this.runner = runner;
        this.live = new LiveMetricChart(charts);
        xAxis.addListener((o, old, axis) -> {
            if (!switchingMetric && axis != null) {
                prepare();
            }
        });
        smoothing.addListener((o, old, w) -> redraw());
        logScale.addListener((o, old, on) -> redraw());
        columns.addListener((o, old, n) -> redraw());
    }

    /** Shows {@code next} (null: nothing), on the diff's own axis when it is one the view offers. */
    public void show(CurvePair next) {
        pair.set(next);
        List<Alignment> offered = new ArrayList<>(List.of(Alignment.STEP));
        if (next != null && next.alignment() == Alignment.INDEX) {
            offered.add(Alignment.INDEX);
        }
        if (next != null && next.hasWallTimes()) {
            offered.add(Alignment.RELATIVE_TIME);
            offered.add(Alignment.WALL_TIME);
        }
        switchingMetric = true;
        try {
            axes.setAll(offered);
            Alignment keep = xAxis.get();
            if (next != null && !offered.contains(keep)) {
                keep = offered.contains(next.alignment()) ? next.alignment() : Alignment.STEP;
            }
            xAxis.set(keep);
        } finally {
            switchingMetric = false;
        }
        prepare();
    }

    private void prepare() {
        if (preparing != null) {
            preparing.cancel();
        }
        CurvePair p = pair.get();
        readout.set("");
        if (p == null) {
            overlay.set(null);
            live.show(null);
            message.set("Select a metric to see its curves.");
            note.set("");
            return;
        }
        Alignment axis = xAxis.get();
        loading.set(true);
        preparing = runner.submit(progress -> CurveOverlay.of(p.curves(), axis), (d, t, w) -> { }, prepared -> {
            loading.set(false);
            overlay.set(prepared);
            live.show(prepared);
            message.set(emptyMessage(p, prepared));
            resetZoom();
        }, failure -> {
            loading.set(false);
            overlay.set(null);
            live.show(null);
            message.set("Could not draw " + p.diff().key() + ": " + failure.getMessage());
        });
    }

    private static String emptyMessage(CurvePair p, CurveOverlay o) {
        if (o.a().size() > 0 || o.b().size() > 0) {
            return null;
        }
        if (o.totalPoints() == 0) {
            return "Neither run logged points for " + p.diff().key() + ".";
        }
        return "No point of " + p.diff().key() + " has a wall time: choose the step axis.";
    }

    /** Shows the whole x range again. */
    public void resetZoom() {
        CurveOverlay o = overlay.get();
        if (o == null) {
            return;
        }
        double[] full = o.xRange();
        x0 = full[0];
        x1 = full[1];
        redraw();
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping {@code centre} where it is; the range stays inside the
     * curves' full x range and never narrower than {@link #MIN_SPAN} of it.
     */
    public void zoom(double centre, double factor) {
        CurveOverlay o = overlay.get();
        if (o == null || !(factor > 0) || !Double.isFinite(centre)) {
            return;
        }
        double[] full = o.xRange();
        double span = Math.max((x1 - x0) * factor, (full[1] - full[0]) * MIN_SPAN);
        if (span >= full[1] - full[0]) {
            resetZoom();
            return;
        }
        double c = Math.max(x0, Math.min(x1, centre));
        double from = c - (c - x0) * (span / (x1 - x0));
        place(from, span, full);
    }

    /** Moves the visible range by {@code dx} in x units, stopping at the ends of the curves. */
    public void pan(double dx) {
        CurveOverlay o = overlay.get();
        if (o == null || !Double.isFinite(dx)) {
            return;
        }
        place(x0 + dx, x1 - x0, o.xRange());
    }

    private void place(double from, double span, double[] full) {
        double start = Math.max(full[0], Math.min(full[1] - span, from));
        x0 = start;
        x1 = start + span;
        redraw();
    }

    private void redraw() {
        if (overlay.get() == null) {
            return;
        }
        LiveMetricChart.Frame f = live.draw(x0, x1, columns.get(), smoothing.get(), logScale.get());
        note.set(f.note());
    }

    /** Sets the read-out to A, B and B − A at the points nearest to {@code x}. */
    public void pointAt(double x) {
        CurveOverlay o = overlay.get();
        if (o == null || !Double.isFinite(x)) {
            readout.set("");
            return;
        }
        CurveOverlay.Track ref = o.a().size() > 0 ? o.a() : o.b();
        int at = ref.nearest(x);
        double snapped = at < 0 ? x : ref.x()[at];
        readout.set(o.position(snapped) + "    A " + value(o.a(), snapped) + "    B " + value(o.b(), snapped)
                + "    Δ (B − A) " + value(o.delta(), snapped));
    }

    public void clearReadout() {
        readout.set("");
    }

    private static String value(CurveOverlay.Track t, double x) {
        int i = t.nearest(x);
        return i < 0 ? "—" : Numbers.format(t.y()[i]);
    }

    /** The x value under horizontal canvas coordinate {@code px}, given the plot's data area of the last drawing. */
    public double chartX(double px, java.awt.geom.Rectangle2D dataArea) {
        return live.xAt(px, dataArea);
    }

    /** The visible x range, {from, to}. */
    public double[] visibleRange() {
        return new double[] {x0, x1};
    }

    /** The JFreeChart the view puts on screen; it changes in place from frame to frame. */
    public JFreeChart chart() {
        return live.chart();
    }

    public ReadOnlyObjectProperty<CurvePair> pairProperty() { return pair.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CurveOverlay> overlayProperty() { return overlay.getReadOnlyProperty(); }
    public ObjectProperty<Alignment> xAxisProperty() { return xAxis; }
    public ObservableList<Alignment> axes() { return axes; }
    public DoubleProperty smoothingProperty() { return smoothing; }
    public BooleanProperty logScaleProperty() { return logScale; }
    public IntegerProperty columnsProperty() { return columns; }
    public StringProperty noteProperty() { return note; }
    public StringProperty readoutProperty() { return readout; }
    /** What to say instead of a chart (no metric, nothing to draw, an error), or null when there is a chart. */
    public StringProperty messageProperty() { return message; }
    public BooleanProperty loadingProperty() { return loading; }
}
