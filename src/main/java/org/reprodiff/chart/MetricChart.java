package org.reprodiff.chart;

import java.util.List;

/**
 * The one definition of a metric chart, drawn by JFreeChart on screen and in the PDF
 * ({@link MetricChartFactory#toJFreeChart}) and as SVG in HTML ({@link SvgChartWriter}). {@code subtitle} says
 * how the lines were sampled; {@code marker} is the plotted x of the first divergence (null when the curves do
 * not diverge), {@code zeroLine} asks for a line at y = 0 (the delta chart). Lines hold only finite points.
 */
public record MetricChart(Kind kind, String title, String subtitle, String xLabel, String yLabel, List<Line> lines,
                          Double marker, String markerLabel, boolean zeroLine) {

    /** What a chart shows. */
    public enum Kind {
        /** Run A's and run B's curves on one plot. */
        OVERLAY,
        /** B − A at every position both runs logged. */
        DELTA
    }

    /** Which series a line draws; its colour follows from it (see {@link ChartStyle}). */
    public enum Role { A, B, DELTA }

    /** One drawn line. */
    public record Line(String name, Role role, SampledCurve curve) {
    }

    public MetricChart {
        lines = List.copyOf(lines);
    }

    /** Whether there is anything to draw. */
    public boolean isEmpty() {
        return lines.stream().allMatch(l -> l.curve().drawn() == 0);
    }
}
