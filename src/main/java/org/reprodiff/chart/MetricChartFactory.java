package org.reprodiff.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The one chart factory: builds a metric's {@link MetricChart}s (the overlay of A and B, and the delta B − A,
 * each with the first divergence marked and a subtitle saying how it was sampled) and turns a chart into a
 * JFreeChart, which the PDF draws as vectors. The screen's zoomable chart ({@link LiveMetricChart}) is built
 * from the same parts: the plot, axis, line and marker styles below and the same sampling note. Decimation
 * ({@link CurveSampler}: first, min, max and last per pixel column) is for drawing only; the numbers of a diff come
 * from raw points. AWT only: no JavaFX here.
 */
public final class MetricChartFactory {
    /** A is drawn wider and first, so that where B covers it exactly it still shows along B's edges. */
    private static final BasicStroke LINE_A = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke LINE = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);

    private final CurveSampler sampler = new CurveSampler();
    private final ChartFonts fonts;

    public MetricChartFactory(ChartFonts fonts) {
        this.fonts = fonts;
    }

    public ChartFonts fonts() {
        return fonts;
    }

    /** A's and B's curves on one plot, sampled to {@code buckets} buckets (about the plot's width in pixels). */
    public MetricChart overlay(MetricCurves c, int buckets) {
        AlignedCurve a = AlignedCurve.of(c.a(), c.alignment());
        AlignedCurve b = AlignedCurve.of(c.b(), c.alignment());
        ChartAxis axis = ChartAxis.of(c.alignment(), a, b);
        List<MetricChart.Line> lines = new ArrayList<>();
        line(lines, "A: " + c.nameA(), MetricChart.Role.A, a, axis, buckets);
        line(lines, "B: " + c.nameB(), MetricChart.Role.B, b, axis, buckets);
        int drawn = lines.stream().mapToInt(l -> l.curve().drawn()).sum();
        int nonFinite = lines.stream().mapToInt(l -> l.curve().nonFinite()).sum();
        boolean decimated = lines.stream().anyMatch(l -> l.curve().decimated());
        int total = a.raw() + b.raw();
        String note = note(drawn, total, "points", decimated, nonFinite);
        return new MetricChart(MetricChart.Kind.OVERLAY, c.key() + ": A and B", note, axis.label(), "value", lines,
                marker(c, axis), markerLabel(c, axis), false);
    }

    private void line(List<MetricChart.Line> lines, String name, MetricChart.Role role, AlignedCurve curve, ChartAxis axis,
                      int buckets) {
        if (curve.raw() > 0) {
            lines.add(new MetricChart.Line(name, role, sampler.sample(curve.x(axis), curve.values(), buckets)));
        }
    }

    /** B − A at every position both runs logged; an empty chart when they share none. */
    public MetricChart delta(MetricCurves c, int buckets) {
        AlignedCurve a = AlignedCurve.of(c.a(), c.alignment());
        AlignedCurve b = AlignedCurve.of(c.b(), c.alignment());
        ChartAxis axis = ChartAxis.of(c.alignment(), a, b);
        AlignedCurve d = AlignedCurve.delta(a, b);
        SampledCurve s = sampler.sample(d.x(axis), d.values(), buckets);
        String note = note(s.drawn(), d.size(), "common positions", s.decimated(), s.nonFinite());
        List<MetricChart.Line> lines = d.size() == 0 ? List.of() : List.of(new MetricChart.Line("B − A", MetricChart.Role.DELTA, s));
        return new MetricChart(MetricChart.Kind.DELTA, c.key() + ": B − A", note, axis.label(), "B − A", lines,
                marker(c, axis), markerLabel(c, axis), true);
    }

    /**
     * "N of M points drawn, min/max/first/last per pixel column", or "all M points drawn", and the non-finite
     * values shown as gaps.
     */
    static String note(int drawn, int total, String what, boolean decimated, int nonFinite) {
        String s;
        if (total == 0) {
            s = "no " + what;
        } else if (decimated) {
            s = String.format(Locale.ROOT, "%,d of %,d %s drawn, min/max/first/last per pixel column", drawn, total, what);
        } else if (drawn + nonFinite == total) {
            s = String.format(Locale.ROOT, "all %,d %s drawn", drawn, what);
        } else {
            s = String.format(Locale.ROOT, "%,d of %,d %s drawn (last value per position)", drawn, total, what);
        }
        if (nonFinite > 0) {
            s += String.format(Locale.ROOT, "; %,d NaN/Inf not drawn (gaps)", nonFinite);
        }
        return s;
    }

    private static Double marker(MetricCurves c, ChartAxis axis) {
        return c.firstDivergence() == null ? null : axis.x(c.firstDivergence());
    }

    private static String markerLabel(MetricCurves c, ChartAxis axis) {
        return c.firstDivergence() == null ? null : "diverges at " + axis.position(c.firstDivergence());
    }

    /** The chart as JFreeChart draws it, on screen or into a PDF. */
    public JFreeChart toJFreeChart(MetricChart chart) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (MetricChart.Line line : chart.lines()) {
            XYSeries series = new XYSeries(line.name(), false, true);
            SampledCurve s = line.curve();
            for (int k = 0; k < s.entries(); k++) {
                series.add(s.x()[k], s.y()[k], false);
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, ChartStyle.color(line.role()));
            renderer.setSeriesStroke(i, line.role() == MetricChart.Role.A ? LINE_A : LINE);
            i++;
        }
        NumberAxis x = axis(chart.xLabel(), false);
        NumberAxis y = axis(chart.yLabel(), chart.zeroLine());
        double[] flat = flatRange(chart);
        if (flat != null) {
            y.setRange(flat[0], flat[1]);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot, chart.zeroLine());
        if (chart.marker() != null) {
            boolean labelRight = chart.marker() < xMin(chart) + 0.6 * (xMax(chart) - xMin(chart));
            plot.addDomainMarker(divergenceMarker(chart.marker(), chart.markerLabel(), labelRight));
        }
        return frame(new JFreeChart(chart.title(), fonts.bold(10f), plot, chart.lines().size() > 1), chart.subtitle());
    }

    /** The plot look every metric chart shares: white, light grid, lines in order, a zero line if asked. */
    static void style(XYPlot plot, boolean zeroLine) {
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(ChartStyle.AXIS);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (zeroLine) {
            plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(0.8f)));
        }
    }

    /** The dashed first-divergence line; its label (null for none) on the side with more room. */
    ValueMarker divergenceMarker(double x, String label, boolean labelRight) {
        ValueMarker m = new ValueMarker(x, ChartStyle.DIVERGENCE, DASHED);
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(fonts.regular(7.5f));
            m.setLabelPaint(ChartStyle.DIVERGENCE);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 215));
            m.setLabelAnchor(labelRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(labelRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            m.setLabelOffset(new RectangleInsets(3, 3, 3, 3));
        }
        return m;
    }

    /** Title, sampling subtitle, legend and background as every metric chart has them. */
    JFreeChart frame(JFreeChart jf, String subtitle) {
        jf.getTitle().setPaint(ChartStyle.TEXT);
        jf.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        TextTitle sub = new TextTitle(subtitle, fonts.regular(7.5f));
        sub.setPaint(ChartStyle.MUTED);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(0, 0, 3, 0));
        jf.addSubtitle(sub);
        LegendTitle legend = jf.getLegend();
        if (legend != null) {
            legend.setItemFont(fonts.regular(7.5f));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        }
        jf.setBackgroundPaint(Color.WHITE);
        jf.setPadding(new RectangleInsets(4, 4, 4, 8));
        return jf;
    }

    private static double xMin(MetricChart chart) {
        return chart.lines().stream().filter(l -> l.curve().drawn() > 0).mapToDouble(l -> l.curve().x()[0]).min().orElse(0);
    }

    private static double xMax(MetricChart chart) {
        return chart.lines().stream().filter(l -> l.curve().drawn() > 0)
                .mapToDouble(l -> l.curve().x()[l.curve().entries() - 1]).max().orElse(1);
    }

    /** A range around a curve that is one value throughout (a bit-identical delta), else null (auto range). */
    private static double[] flatRange(MetricChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MetricChart.Line l : chart.lines()) {
            for (double v : l.curve().y()) {
                if (Double.isNaN(v)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo != hi) {
            return null;
        }
        double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
        return new double[] {lo - pad, hi + pad};
    }

    NumberAxis axis(String label, boolean includeZero) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(includeZero);
        return styled(a);
    }

    /** Fonts, colours and tick labels of every axis, linear or log. */
    <A extends org.jfree.chart.axis.ValueAxis> A styled(A a) {
        if (a instanceof NumberAxis n) {
            n.setNumberFormatOverride(new TickLabelFormat());
        } else if (a instanceof org.jfree.chart.axis.LogAxis l) {
            l.setNumberFormatOverride(TickLabelFormat.rounded(3));
        }
        a.setLabelFont(fonts.regular(7.5f));
        a.setLabelPaint(ChartStyle.MUTED);
        a.setTickLabelFont(fonts.regular(7f));
        a.setTickLabelPaint(ChartStyle.MUTED);
        a.setAxisLinePaint(ChartStyle.AXIS);
        a.setTickMarkPaint(ChartStyle.AXIS);
        return a;
    }
}
