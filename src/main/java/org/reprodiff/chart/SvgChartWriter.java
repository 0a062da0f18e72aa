package org.reprodiff.chart;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link MetricChart} as inline SVG (for HTML reports): the same lines, colours, divergence marker and
 * sampling subtitle as the JFreeChart drawing, with "nice" ticks. Self-contained: no fonts, styles or images
 * referenced from outside, no {@code xmlns} needed inside HTML.
 */
public final class SvgChartWriter {
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 44;
    private static final int BOTTOM = 40;
    private static final int LEGEND = 18;

    public String write(MetricChart chart, int width, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" "
                        + "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">%n",
                width, height, width, height, escape(chart.title())));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        text(svg, 4, 15, "start", 12, "bold", ChartStyle.TEXT, chart.title());
        text(svg, 4, 30, "start", 10, "normal", ChartStyle.MUTED, chart.subtitle());
        int legend = chart.lines().size() > 1 ? LEGEND : 0;
        double px = LEFT;
        double py = TOP;
        double pw = width - LEFT - RIGHT;
        double ph = height - TOP - BOTTOM - legend;
        if (chart.isEmpty()) {
            rect(svg, px, py, pw, ph, ChartStyle.AXIS);
            text(svg, px + pw / 2, py + ph / 2, "middle", 11, "normal", ChartStyle.MUTED, "nothing to draw");
            return svg.append("</svg>\n").toString();
        }
        double[] xr = range(chart, true);
        double[] yr = range(chart, false);
        List<Double> xt = AxisTicks.ticks(xr[0], xr[1], 6);
        List<Double> yt = AxisTicks.ticks(yr[0], yr[1], 5);
        Frame f = new Frame(px, py, pw, ph, xt.get(0), xt.get(xt.size() - 1), yt.get(0), yt.get(yt.size() - 1));
        grid(svg, f, xt, yt);
        if (chart.zeroLine() && f.y0 < 0 && f.y1 > 0) {
            line(svg, f.px, f.sy(0), f.px + f.pw, f.sy(0), ChartStyle.AXIS, 0.8, null);
        }
        for (MetricChart.Line l : chart.lines()) {
            polyline(svg, f, l);
        }
        if (chart.marker() != null) {
            double mx = f.sx(chart.marker());
            line(svg, mx, f.py, mx, f.py + f.ph, ChartStyle.DIVERGENCE, 1, "4 3");
            boolean left = mx > f.px + f.pw * 0.7;
            double tx = left ? mx - 4 : mx + 4;
            double tw = chart.markerLabel().length() * 5.2;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"13\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>%n",
                    left ? tx - tw : tx, f.py + 1, tw));
            text(svg, tx, f.py + 11, left ? "end" : "start", 9, "normal", ChartStyle.DIVERGENCE, chart.markerLabel());
        }
        rect(svg, f.px, f.py, f.pw, f.ph, ChartStyle.AXIS);
        text(svg, f.px + f.pw / 2, f.py + f.ph + 30, "middle", 9.5, "normal", ChartStyle.MUTED, chart.xLabel());
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(12 %.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"9.5\" fill=\"%s\">%s</text>%n",
                f.py + f.ph / 2, ChartStyle.hex(ChartStyle.MUTED), escape(chart.yLabel())));
        if (legend > 0) {
            legend(svg, chart.lines(), f.px, height - 8);
        }
        return svg.append("</svg>\n").toString();
    }

    /** The plot frame and the data range it shows. */
    private record Frame(double px, double py, double pw, double ph, double x0, double x1, double y0, double y1) {
        double sx(double x) {
            return px + (x - x0) / (x1 - x0) * pw;
        }

        double sy(double y) {
            return py + ph - (y - y0) / (y1 - y0) * ph;
        }
    }

    private static double[] range(MetricChart chart, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MetricChart.Line l : chart.lines()) {
            for (double v : x ? l.curve().x() : l.curve().y()) {
                if (Double.isNaN(v)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (x && chart.marker() != null) {
            lo = Math.min(lo, chart.marker());
            hi = Math.max(hi, chart.marker());
        }
        if (!x && chart.zeroLine()) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        return new double[] {lo, hi};
    }

    private static void grid(StringBuilder svg, Frame f, List<Double> xt, List<Double> yt) {
        for (double t : xt) {
            double x = f.sx(t);
            line(svg, x, f.py, x, f.py + f.ph, ChartStyle.GRID, 0.6, null);
            text(svg, x, f.py + f.ph + 13, "middle", 9, "normal", ChartStyle.MUTED, AxisTicks.format(t));
        }
        for (double t : yt) {
            double y = f.sy(t);
            line(svg, f.px, y, f.px + f.pw, y, ChartStyle.GRID, 0.6, null);
            text(svg, f.px - 5, y + 3, "end", 9, "normal", ChartStyle.MUTED, AxisTicks.format(t));
        }
    }

    private static void polyline(StringBuilder svg, Frame f, MetricChart.Line l) {
        SampledCurve c = l.curve();
        if (c.drawn() == 0) {
            return;
        }
        svg.append("<path fill=\"none\" stroke=\"").append(ChartStyle.hex(ChartStyle.color(l.role())))
                .append("\" stroke-width=\"").append(l.role() == MetricChart.Role.A ? "2" : "1.2")
                .append("\" stroke-linejoin=\"round\" d=\"");
        boolean penUp = true;
        for (int i = 0; i < c.entries(); i++) {
            if (Double.isNaN(c.y()[i])) {
                penUp = true;
                continue;
            }
            svg.append(penUp ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", f.sx(c.x()[i]), f.sy(c.y()[i])));
            penUp = false;
        }
        svg.append("\"/>\n");
    }

    private static void legend(StringBuilder svg, List<MetricChart.Line> lines, double x, double y) {
        double at = x;
        for (MetricChart.Line l : lines) {
            line(svg, at, y - 3, at + 16, y - 3, ChartStyle.color(l.role()), 2, null);
            text(svg, at + 20, y, "start", 9.5, "normal", ChartStyle.TEXT, l.name());
            at += 30 + l.name().length() * 5.6;
        }
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, java.awt.Color c, double w, String dash) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, ChartStyle.hex(c), w, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static void rect(StringBuilder svg, double x, double y, double w, double h, java.awt.Color c) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"0.8\"/>%n",
                x, y, w, h, ChartStyle.hex(c)));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, double size, String weight, java.awt.Color c, String s) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%s\"%s fill=\"%s\">%s</text>%n",
                x, y, anchor, AxisTicks.format(size), weight.equals("bold") ? " font-weight=\"bold\"" : "", ChartStyle.hex(c), escape(s)));
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\t') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
