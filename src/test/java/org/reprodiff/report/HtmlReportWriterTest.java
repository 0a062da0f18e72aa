package org.reprodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;

/** The HTML report: one self-contained file with inline SVG charts. */
class HtmlReportWriterTest {
    private final HtmlReportWriter writer = new HtmlReportWriter(new MetricChartFactory(new ChartFonts()));

    @Test
    void chartsAreInlineSvgAndNothingIsLoadedFromElsewhere() {
        String html = writer.write(ReportFixture.report(ReportFixture.compared()));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Matcher svg = Pattern.compile("<svg ").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertEquals(4, charts, "overlay and delta for the diverging loss and the key accuracy metric");
        for (String external : new String[] {"src=", "href=", "<link", "<script", "<img", "@import", "url(", "http:", "https:"}) {
            assertFalse(html.contains(external), "no external reference: " + external);
        }
        assertTrue(html.contains("diverges at step 300"));
        assertTrue(html.contains("points drawn"), "charts say how they were sampled");
    }

    @Test
    void textIsEscapedAndUnicodeKept() {
        ComparedRuns compared = ReportFixture.compared(a -> a.name("<b>学习率-é-🚀</b>"), b -> { });
        String html = writer.write(ReportFixture.report(compared));
        assertTrue(html.contains("&lt;b&gt;学习率-é-🚀&lt;/b&gt;"));
        assertFalse(html.contains("<b>学习率"));
    }

    @Test
    void sectionsMatchThePdf() {
        String html = writer.write(ReportFixture.report(ReportFixture.compared()));
        for (String s : new String[] {"Reproducibility report: lr-0.001 vs lr-0.003", "EXPLAINED", "Likely causes",
                "Capture checklist", "codeState", "Differences by facet", "Metrics", "Appendix", "batch_size"}) {
            assertTrue(html.contains(s), s);
        }
    }
}
