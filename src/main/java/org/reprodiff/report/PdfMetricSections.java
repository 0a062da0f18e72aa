package org.reprodiff.report;

import java.io.IOException;
import java.util.List;
import org.reprodiff.chart.MetricChart;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Numbers;

/**
 * The metrics: a table of every metric, then for each charted metric (see {@link Report#chartedMetrics()}) the
 * overlay and delta charts, with the diff's numbers, all from raw points, in a column beside them.
 */
final class PdfMetricSections {
    private static final float CHART_W = 358;
    private static final float OVERLAY_H = 178;
    private static final float DELTA_H = 118;
    private static final float GAP = 8;
    private final PdfPages pages;
    private final PdfChartPainter painter;

    PdfMetricSections(PdfPages pages, PdfChartPainter painter) {
        this.pages = pages;
        this.painter = painter;
    }

    void write(Report report) throws IOException {
        Comparison c = report.compared().comparison();
        pages.heading("Metrics", 1, 80);
        pages.paragraph(ReportPhrases.metricsSummary(c) + " A tracker's "
                + "system metrics are listed but never decide the verdict. Charts draw decimated curves (each says how "
                + "it was sampled); every number comes from the raw points.", pages.fonts.regular, 9, ReportColors.MUTED);
        pages.down(4);
        if (c.metrics().isEmpty()) {
            pages.paragraph("Neither run logged a metric.", pages.fonts.regular, 9.5f, ReportColors.TEXT);
            return;
        }
        PdfTable t = new PdfTable("Metrics", List.of(new PdfTable.Column("metric", 1.5f), new PdfTable.Column("points A / B", 0.85f),
                new PdfTable.Column("first divergence", 1f), new PdfTable.Column("max |B − A| (at)", 2f),
                new PdfTable.Column("final A", 1.75f), new PdfTable.Column("final B", 1.75f)));
        for (MetricDiff m : c.metrics()) {
            t.row(new PdfTable.Cell(m.key() + (m.system() ? " (system)" : ""), m.system() ? ReportColors.MUTED : null, true),
                    PdfTable.Cell.of(m.pointsA() + " / " + m.pointsB()),
                    new PdfTable.Cell(ReportPhrases.divergence(m), m.diverges() ? ReportColors.BAD : ReportColors.GOOD, false),
                    PdfTable.Cell.of(maxDiff(m)), PdfTable.Cell.of(Numbers.format(m.finalA())), PdfTable.Cell.of(Numbers.format(m.finalB())));
        }
        pages.ensure(t.keepHeight(pages));
        t.draw(pages);
        List<MetricDiff> charted = report.chartedMetrics();
        long more = c.metrics().stream().filter(m -> !m.system() && m.diverges()).count() - charted.stream().filter(MetricDiff::diverges).count();
        if (more > 0) {
            pages.paragraph(more + " more diverging metrics are in the table above but not charted.", pages.fonts.regular, 9, ReportColors.MUTED);
        }
        for (MetricDiff m : charted) {
            metric(report, m);
        }
    }

    private static String maxDiff(MetricDiff m) {
        return Double.isNaN(m.maxAbsDiff()) ? "—" : Numbers.format(m.maxAbsDiff()) + (m.maxAbsDiff() > 0 ? " (" + m.maxAbsDiffStep() + ")" : "");
    }

    private void metric(Report report, MetricDiff m) throws IOException {
        MetricCurves curves = report.curves(m);
        int buckets = (int) (CHART_W - 60);
        MetricChart overlay = painter.factory().overlay(curves, buckets);
        MetricChart delta = painter.factory().delta(curves, buckets);
        boolean withDelta = !delta.isEmpty();
        float h = OVERLAY_H + (withDelta ? GAP + DELTA_H : 0);
        pages.heading(m.key() + "  —  " + (m.diverges() ? "diverges: " + ReportPhrases.divergence(m) : "agrees"), 2, h + 6);
        float top = pages.y();
        painter.draw(overlay, pages.left(), top, CHART_W, OVERLAY_H);
        if (withDelta) {
            painter.draw(delta, pages.left(), top - OVERLAY_H - GAP, CHART_W, DELTA_H);
        }
        numbers(m, pages.left() + CHART_W + 14, top - 6, pages.width() - CHART_W - 14);
        pages.down(h + 10);
    }

    /** The diff's numbers for one metric as label/value pairs in a column. */
    private void numbers(MetricDiff m, float x, float top, float width) throws IOException {
        float y = top;
        for (String[] pair : ReportPhrases.metricFacts(m)) {
            y -= 9;
            pages.text(x, y, pair[0], pages.fonts.regular, 7, ReportColors.MUTED);
            for (String line : pages.breaker.wrap(pair[1], pages.fonts.bold, 8.5f, width, 4)) {
                y -= 10.5f;
                pages.text(x, y, line, pages.fonts.bold, 8.5f, ReportColors.TEXT);
            }
            y -= 4;
        }
    }
}
