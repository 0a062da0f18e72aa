package org.reprodiff.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.reprodiff.chart.MetricChart;
import org.reprodiff.chart.MetricChartFactory;

/**
 * Draws a {@link MetricChart} into the PDF as vectors: the chart factory's JFreeChart painted on a PDFBox
 * Graphics2D, with chart text set in the document's embedded DejaVu fonts (so it stays selectable text).
 */
final class PdfChartPainter {
    private final PdfPages pages;
    private final MetricChartFactory factory;

    PdfChartPainter(PdfPages pages, MetricChartFactory factory) {
        this.pages = pages;
        this.factory = factory;
    }

    MetricChartFactory factory() {
        return factory;
    }

    /** Draws the chart with its top-left corner at ({@code x}, {@code top}), {@code w} × {@code h} points. */
    void draw(MetricChart chart, float x, float top, float w, float h) throws IOException {
        JFreeChart jf = factory.toJFreeChart(chart);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(pages.document, w, h);
        try (PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer()) {
            text.registerFont(factory.fonts().regularName(), pages.fonts.regular);
            text.registerFont(factory.fonts().boldName(), pages.fonts.bold);
            g.setFontTextDrawer(text);
            jf.draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        PDFormXObject form = g.getXFormObject();
        PDPageContentStream cs = pages.stream();
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(x, top - h));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }
}
