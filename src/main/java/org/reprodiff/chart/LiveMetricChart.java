package org.reprodiff.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The screen's zoomable metric chart, built from the same parts as the report's ({@link MetricChartFactory}):
 * the overlay of A and B above and, sharing the x-axis, the delta B − A below, the first divergence marked on both,
 * and a subtitle saying how many points were drawn. Each {@link #draw} decimates only the visible x range to one
 * M4 column per pixel ({@link CurveSampler}) into buffers that are reused from frame to frame, so a frame costs one
 * pass over the visible raw points and a few thousand drawn points, whatever the curves' length. With smoothing on,
 * the smoothed lines ({@link Ema}) are drawn over their raw lines, which stay faint behind; on a log scale, values
 * ≤ 0 are gaps (the delta plot stays linear: a difference has a sign). Lines are antialiased only while the view
 * is not decimated: a decimated column is a solid vertical run of pixels either way, and antialiasing thousands of
 * such zigzags costs more than all the rest of a frame. Not thread-safe: one UI thread draws.
 */
public final class LiveMetricChart {
    private static final int A_RAW = 0;
    private static final int B_RAW = 1;
    private static final int A_SMOOTH = 2;
    private static final int B_SMOOTH = 3;
    private static final int D_RAW = 0;
    private static final int D_SMOOTH = 1;
    private static final int FAINT = 64;
    /** Bevel joins and butt caps: on a dense zigzag the rasteriser's round joins cost more than the lines. */
    private static final BasicStroke SCREEN_A = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);
    private static final BasicStroke SCREEN = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);

    private final MetricChartFactory factory;
    private final CurveSampler sampler = new CurveSampler();
    private final SampledXYDataset values = new SampledXYDataset("A", "B", "A smoothed", "B smoothed");
    private final SampledXYDataset deltas = new SampledXYDataset("B − A", "B − A smoothed");
    private final XYLineAndShapeRenderer valuesRenderer = renderer();
    private final XYLineAndShapeRenderer deltaRenderer = renderer();
    private final NumberAxis xAxis;
    private final NumberAxis linear;
    private final LogAxis log;
    private final XYPlot valuesPlot;
    private final XYPlot deltaPlot;
    private final CombinedDomainXYPlot plot;
    private final JFreeChart chart;
    private final TextTitle note;
    private final ValueMarker marker;
    private final ValueMarker deltaMarker;

    private CurveOverlay overlay;
    private double smoothedWeight = Double.NaN;
    private double[] aSmooth = new double[0];
    private double[] bSmooth = new double[0];
    private double[] dSmooth = new double[0];
    private Boolean smoothLook;

    public LiveMetricChart(MetricChartFactory factory) {
        this.factory = factory;
        xAxis = factory.axis("step", false);
        linear = factory.axis("value", false);
        log = factory.styled(new LogAxis("value (log)"));
        log.setAutoRange(true);
        valuesPlot = new XYPlot(values, null, linear, valuesRenderer);
        MetricChartFactory.style(valuesPlot, false);
        deltaPlot = new XYPlot(deltas, null, factory.axis("B − A", true), deltaRenderer);
        MetricChartFactory.style(deltaPlot, true);
        plot = new CombinedDomainXYPlot(xAxis);
        plot.setGap(6);
        plot.add(valuesPlot, 3);
        plot.add(deltaPlot, 1);
        marker = factory.divergenceMarker(0, "", true);
        deltaMarker = factory.divergenceMarker(0, null, true);
        for (int s = 0; s < 4; s++) {
            valuesRenderer.setSeriesStroke(s, s % 2 == 0 ? SCREEN_A : SCREEN);
        }
        deltaRenderer.setSeriesStroke(D_RAW, SCREEN);
        deltaRenderer.setSeriesStroke(D_SMOOTH, SCREEN);
        chart = factory.frame(new JFreeChart("", factory.fonts().bold(10f), plot, true), "");
        note = (TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1);
        smoothLook(false);
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        // no hot-spot entity per drawn point: the read-out comes from the raw points, not from entities
        r.setDefaultCreateEntities(false);
        return r;
    }

    /** The JFreeChart to put on screen (or draw into an image). */
    public JFreeChart chart() {
        return chart;
    }

    /** Shows another metric (or axis); null shows nothing. Call {@link #draw} next. */
    public void show(CurveOverlay next) {
        overlay = next;
        smoothedWeight = Double.NaN;
        chart.setNotify(false);
        try {
            chart.setTitle(next == null ? "" : next.key());
            chart.getTitle().setPaint(ChartStyle.TEXT);
            chart.getTitle().setFont(factory.fonts().bold(10f));
            chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            xAxis.setLabel(next == null ? "" : next.xLabel());
            valuesPlot.removeDomainMarker(marker);
            deltaPlot.removeDomainMarker(deltaMarker);
            if (next != null && next.marker() != null) {
                marker.setValue(next.marker());
                marker.setLabel(next.markerLabel());
                deltaMarker.setValue(next.marker());
                valuesPlot.addDomainMarker(marker);
                deltaPlot.addDomainMarker(deltaMarker);
            }
            plot.setFixedLegendItems(legend(next));
        } finally {
            chart.setNotify(true);
        }
    }

    private LegendItemCollection legend(CurveOverlay o) {
        LegendItemCollection items = new LegendItemCollection();
        if (o != null) {
            for (CurveOverlay.Track t : new CurveOverlay.Track[] {o.a(), o.b(), o.delta()}) {
                if (t.total() > 0) {
                    LegendItem item = new LegendItem(t.name(), null, null, null, new Line2D.Double(-7, 0, 7, 0),
                            new BasicStroke(2f), ChartStyle.color(t.role()));
                    item.setLabelFont(factory.fonts().regular(7.5f));
                    items.add(item);
                }
            }
        }
        return items;
    }

    /**
     * The data area of the last drawing (both plots, in the drawing's coordinates), from the rendering info the
     * drawing filled in, or null before the first drawing.
     */
    public static java.awt.geom.Rectangle2D dataArea(org.jfree.chart.ChartRenderingInfo info) {
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        return area == null || area.getWidth() <= 0 ? null : area;
    }

    /** The x value under horizontal drawing coordinate {@code px} of a drawing with data area {@code area}. */
    public double xAt(double px, java.awt.geom.Rectangle2D area) {
        return xAxis.java2DToValue(px, area, plot.getDomainAxisEdge());
    }

    /** The horizontal drawing coordinate of x value {@code x}. */
    public double screenX(double x, java.awt.geom.Rectangle2D area) {
        return xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
    }

    /** What one frame drew: points drawn and raw points in view of A and B, and the subtitle that says so. */
    public record Frame(int drawn, int inView, String note) {
    }

    /**
     * Decimates [x0, x1] to {@code columns} pixel columns and updates the chart in one change event.
     * {@code smoothing} is the EMA weight (0 = off); {@code logScale} puts the values on a log axis.
     */
    public Frame draw(double x0, double x1, int columns, double smoothing, boolean logScale) {
        chart.setNotify(false);
        try {
            CurveOverlay o = overlay;
            boolean smooth = smoothing > 0 && o != null;
            if (smooth && smoothing != smoothedWeight) {
                aSmooth = Ema.smooth(o.a().y(), smoothing);
                bSmooth = Ema.smooth(o.b().y(), smoothing);
                dSmooth = Ema.smooth(o.delta().y(), smoothing);
                smoothedWeight = smoothing;
            }
            smoothLook(smooth);
            if (valuesPlot.getRangeAxis() != (logScale ? log : linear)) {
                valuesPlot.setRangeAxis(logScale ? log : linear);
            }
            int drawn = 0;
            int inView = 0;
            int nonFinite = 0;
            int nonPositive = 0;
            if (o != null) {
                SampleBuffer a = values.buffer(A_RAW);
                SampleBuffer b = values.buffer(B_RAW);
                line(o.a(), o.a().y(), x0, x1, columns, logScale, a);
                line(o.b(), o.b().y(), x0, x1, columns, logScale, b);
                line(o.a(), smooth ? aSmooth : null, x0, x1, columns, logScale, values.buffer(A_SMOOTH));
                line(o.b(), smooth ? bSmooth : null, x0, x1, columns, logScale, values.buffer(B_SMOOTH));
                line(o.delta(), o.delta().y(), x0, x1, columns, false, deltas.buffer(D_RAW));
                line(o.delta(), smooth ? dSmooth : null, x0, x1, columns, false, deltas.buffer(D_SMOOTH));
                drawn = a.drawn() + b.drawn();
                inView = a.inRange() + b.inRange();
                nonFinite = a.nonFinite() + b.nonFinite();
                nonPositive = a.nonPositive() + b.nonPositive();
                double[] full = o.xRange();
                boolean whole = x0 <= full[0] && x1 >= full[1];
                String text = note(drawn, whole ? o.totalPoints() : inView, whole ? "points" : "points in view",
                        drawn + nonFinite + nonPositive < inView, nonFinite, nonPositive);
                note.setText(text);
                boolean dense = a.drawn() < a.inRange() - a.nonFinite() - a.nonPositive()
                        || b.drawn() < b.inRange() - b.nonFinite() - b.nonPositive();
                if (chart.getAntiAlias() == dense) {
                    chart.setAntiAlias(!dense);
                }
                boolean labelRight = o.marker() == null || o.marker() < x0 + 0.6 * (x1 - x0);
                marker.setLabelAnchor(labelRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(labelRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            } else {
                for (int s = 0; s < 4; s++) {
                    values.buffer(s).clear();
                }
                deltas.buffer(D_RAW).clear();
                deltas.buffer(D_SMOOTH).clear();
                note.setText("no metric selected");
            }
            xAxis.setRange(new org.jfree.data.Range(x0, x1 > x0 ? x1 : x0 + 1), true, false);
            values.changed();
            deltas.changed();
            return new Frame(drawn, inView, note.getText());
        } finally {
            chart.setNotify(true);
        }
    }

    /** Samples the part of {@code t} in [x0, x1] (plus one point either side, so lines reach the edges). */
    private void line(CurveOverlay.Track t, double[] y, double x0, double x1, int columns, boolean positiveOnly,
                      SampleBuffer out) {
        if (y == null) {
            out.clear();
            return;
        }
        int from = Math.max(0, t.firstAtOrAfter(x0) - 1);
        int to = Math.min(t.size(), upperBound(t.x(), x1) + 1);
        sampler.sample(t.x(), y, from, Math.max(from, to), x0, x1, columns, positiveOnly, out);
    }

    private static int upperBound(double[] x, double at) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Raw lines in full colour, or faint behind their smoothed lines. */
    private void smoothLook(boolean smooth) {
        if (smoothLook != null && smoothLook == smooth) {
            return;
        }
        smoothLook = smooth;
        Color a = smooth ? faint(ChartStyle.RUN_A) : ChartStyle.RUN_A;
        Color b = smooth ? faint(ChartStyle.RUN_B) : ChartStyle.RUN_B;
        valuesRenderer.setSeriesPaint(A_RAW, a, false);
        valuesRenderer.setSeriesPaint(B_RAW, b, false);
        valuesRenderer.setSeriesPaint(A_SMOOTH, ChartStyle.RUN_A, false);
        valuesRenderer.setSeriesPaint(B_SMOOTH, ChartStyle.RUN_B, false);
        deltaRenderer.setSeriesPaint(D_RAW, smooth ? faint(ChartStyle.DELTA) : ChartStyle.DELTA, false);
        deltaRenderer.setSeriesPaint(D_SMOOTH, ChartStyle.DELTA, false);
    }

    private static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), FAINT);
    }

    /**
     * "N of M points drawn, min/max/first/last per pixel column" (or "all M points drawn"), then what could not be
     * drawn: NaN/Inf as gaps, values ≤ 0 on a log scale.
     */
    static String note(int drawn, int total, String what, boolean decimated, int nonFinite, int nonPositive) {
        String s;
        if (total == 0) {
            s = "no " + what;
        } else if (decimated) {
            s = String.format(Locale.ROOT, "%,d of %,d %s drawn, min/max/first/last per pixel column", drawn, total, what);
        } else {
            s = String.format(Locale.ROOT, "all %,d %s drawn", total, what);
        }
        if (nonFinite > 0) {
            s += String.format(Locale.ROOT, "; %,d NaN/Inf shown as gaps", nonFinite);
        }
        if (nonPositive > 0) {
            s += String.format(Locale.ROOT, "; %,d values ≤ 0 left out of the log scale", nonPositive);
        }
        return s;
    }
}
