package org.reprodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.model.PackageRef;

/** The PDF report, read back through PDFBox: its text, pages, metadata and drawing. */
class PdfReportWriterTest {
    private static final MetricChartFactory CHARTS = new MetricChartFactory(new ChartFonts());

    @TempDir
    Path dir;

    /** With {@code -Dreprodiff.reportDump=FOLDER}, every PDF made here is also written there, to look at. */
    private static byte[] pdf(ComparedRuns compared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(CHARTS).write(ReportFixture.report(compared), out);
        String dump = System.getProperty("reprodiff.reportDump");
        if (dump != null) {
            String name = ComparedRuns.label(compared.a()).replaceAll("[^A-Za-z0-9.-]", "_") + "-" + compared.comparison().packages().differences().size();
            Files.write(Path.of(dump).resolve(name + ".pdf"), out.toByteArray());
        }
        return out.toByteArray();
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc);
    }

    @Test
    void firstPageNamesTheRunsVerdictCausesAndChecklist() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixture.compared()))) {
            String first = text(doc, 1, 1);
            assertTrue(first.contains("Reproducibility report: lr-0.001 vs lr-0.003"), first);
            assertTrue(first.contains("EXPLAINED"), first);
            assertTrue(first.contains("Likely causes"), first);
            assertTrue(first.contains("Capture checklist"), first);
            assertTrue(first.contains("codeState"), first);
            assertTrue(first.contains("Reprodiff " + ReportFixture.VERSION), first);
            assertTrue(first.contains("2024-05-01 12:00:00 UTC"), first);
            assertTrue(first.matches("(?s).*\\blr\\b.*0\\.001.*0\\.003.*"), "the parameter cause with both values: " + first);
        }
    }

    @Test
    void everySectionIsPresentWithPageNumbersAndRunningHeader() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixture.compared()))) {
            int n = doc.getNumberOfPages();
            String all = text(doc, 1, n);
            for (String section : List.of("Differences by facet", "Parameters", "Packages", "Metrics", "train/loss",
                    "diverges at step 300", "Appendix", "batch_size", "python")) {
                assertTrue(all.contains(section), section + " missing");
            }
            assertTrue(all.contains("Page 1 of " + n) && all.contains("Page " + n + " of " + n), all);
            assertTrue(text(doc, 2, 2).contains("Reproducibility report: lr-0.001 vs lr-0.003"), "running header on page 2");
            assertTrue(all.contains("points drawn"), "charts say how they were sampled");
        }
    }

    @Test
    void metadataCarriesTitleProducerAndDate() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixture.compared()))) {
            assertEquals("Reproducibility report: lr-0.001 vs lr-0.003", doc.getDocumentInformation().getTitle());
            assertTrue(doc.getDocumentInformation().getProducer().startsWith("Reprodiff " + ReportFixture.VERSION));
            assertEquals(ReportFixture.GENERATED.toEpochMilli(), doc.getDocumentInformation().getCreationDate().getTimeInMillis());
            assertTrue(doc.getDocumentCatalog().getDocumentOutline().children().iterator().hasNext(), "bookmarks");
        }
    }

    @Test
    void aThousandPackageDifferencesPaginateWithTheHeaderOnEveryTablePage() throws IOException {
        int small;
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixture.compared()))) {
            small = doc.getNumberOfPages();
        }
        ComparedRuns big = ReportFixture.compared(a -> {
            for (int i = 0; i < 1000; i++) {
                a.packageRef(new PackageRef(String.format("pkg-%04d", i), "1.0." + i, null, "pip", "requirements.txt"));
            }
        }, b -> {
            for (int i = 0; i < 1000; i++) {
                b.packageRef(new PackageRef(String.format("pkg-%04d", i), "1.1." + i, null, "pip", "requirements.txt"));
            }
        });
        try (PDDocument doc = Loader.loadPDF(pdf(big))) {
            int n = doc.getNumberOfPages();
            assertTrue(n >= small + 10, "pages grow with the rows: " + small + " → " + n);
            List<Integer> tablePages = new ArrayList<>();
            boolean inFacets = false;
            for (int p = 1; p <= n; p++) {
                String page = text(doc, p, p);
                inFacets |= page.contains("Differences by facet");
                if (inFacets && page.matches("(?s).*pkg-\\d{4}\\s+1\\.0\\.\\d+\\s+1\\.1\\.\\d+.*")) {
                    tablePages.add(p);
                    assertTrue(page.contains("version in A") && page.contains("version in B"), "header row on page " + p);
                    assertTrue(page.contains("Page " + p + " of " + n), "page number on page " + p);
                }
            }
            assertTrue(tablePages.size() >= 10, "the package table spans pages: " + tablePages);
            String all = text(doc, 1, n);
            for (int i = 0; i < 1000; i++) {
                assertTrue(all.contains(String.format("pkg-%04d", i)), "row " + i + " is somewhere");
            }
        }
    }

    @Test
    void aUnicodeRunNameNeitherCrashesNorLosesItsLatinText() throws IOException {
        ComparedRuns compared = ReportFixture.compared(a -> a.name("学习率-é-🚀").param("comment", org.reprodiff.model.ParamValue.string("naïve Ωmega ❤️ ok")),
                b -> { });
        try (PDDocument doc = Loader.loadPDF(pdf(compared))) {
            String all = text(doc, 1, doc.getNumberOfPages());
            assertTrue(all.contains("-é-"), all.substring(0, 400));
            assertTrue(all.contains("naïve Ωmega"), "accents and Greek in DejaVu");
            assertTrue(all.contains(" vs lr-0.003"), "the rest of the title is kept");
            assertFalse(all.contains("🚀"), "no font has the emoji: it is replaced, not dropped with the rest");
        }
    }

    @Test
    void chartsAreVectorsAndAPageRendersToPng() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixture.compared()))) {
            int forms = 0;
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDResources res = doc.getPage(p).getResources();
                for (COSName name : res.getXObjectNames()) {
                    PDXObject x = res.getXObject(name);
                    assertFalse(x instanceof PDImageXObject, "no raster images");
                    forms += x instanceof PDFormXObject ? 1 : 0;
                }
            }
            assertTrue(forms >= 4, "overlay and delta charts of two metrics as forms: " + forms);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            Path png = dir.resolve("page1.png");
            ImageIO.write(image, "png", png.toFile());
            assertTrue(Files.size(png) > 5_000);
            assertTrue(image.getWidth() > 400 && image.getHeight() > 600);
        }
    }
}
