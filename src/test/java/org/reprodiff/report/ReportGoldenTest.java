package org.reprodiff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;

/**
 * Golden tests of the Markdown and HTML reports of {@link ReportFixture}'s comparison. The expected files are in
 * {@code src/test/resources/fixtures/report/golden/}; after a deliberate change, look at the new output and rewrite them with
 * {@code -Dreprodiff.updateGolden=true}.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/fixtures/report/golden");

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("reprodiff.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name + " differs from the golden file");
    }

    @Test
    void markdownMatchesGolden() throws IOException {
        check("report.md", new ReportWriters().render(ReportFixture.report(ReportFixture.compared()), ReportFormat.MARKDOWN));
    }

    @Test
    void htmlMatchesGolden() throws IOException {
        String html = new HtmlReportWriter(new MetricChartFactory(new ChartFonts())).write(ReportFixture.report(ReportFixture.compared()));
        check("report.html", html);
    }
}
