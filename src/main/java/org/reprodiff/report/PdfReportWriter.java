package org.reprodiff.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.reprodiff.chart.MetricChartFactory;

/**
 * The reproducibility report as a PDF: a summary page (title, both runs, verdict, ranked causes, capture
 * checklist), the differences facet by facet, the metrics with overlay and delta charts as vectors and their
 * numbers, and an appendix with both runs' parameters and environment; bookmarks, running header, page numbers
 * and document metadata. Text is set in embedded DejaVu with a fallback chain (see {@link PdfFonts}).
 */
public final class PdfReportWriter {
    private final MetricChartFactory charts;

    public PdfReportWriter(MetricChartFactory charts) {
        this.charts = charts;
    }

    public void write(Report report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); PdfFonts fonts = new PdfFonts(document)) {
            metadata(document, report);
            PdfPages pages = new PdfPages(document, fonts);
            pages.newPage();
            new PdfSummarySection(pages).write(report);
            new PdfFacetSections(pages).write(report);
            new PdfMetricSections(pages, new PdfChartPainter(pages, charts)).write(report);
            new PdfAppendix(pages).write(report);
            pages.finish(report.title(), "Generated " + ReportPhrases.time(report.generatedAt()) + " by Reprodiff "
                    + report.version());
            document.save(out);
        }
    }

    private static void metadata(PDDocument document, Report report) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(report.title());
        info.setSubject("What changed between two ML runs, and why their results differ");
        info.setCreator("Reprodiff " + report.version());
        info.setProducer("Reprodiff " + report.version() + " (Apache PDFBox)");
        info.setKeywords("reproducibility, machine learning, " + report.compared().comparison().verdict());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.generatedAt().toEpochMilli());
        info.setCreationDate(created);
        info.setModificationDate(created);
        document.getDocumentCatalog().setLanguage("en");
        document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(prefs);
    }
}
