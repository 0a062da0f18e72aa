package org.reprodiff.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.reprodiff.chart.ChartFonts;
import org.reprodiff.chart.MetricChartFactory;

/**
 * Renders a comparison in any {@link ReportFormat}; the one place that maps a format to its writer. Every
 * writer renders the same {@link Report} (text, Markdown and JSON need only its comparison). The chart factory
 * is built on first use, so text output never loads fonts.
 */
public final class ReportWriters {
    private final Clock clock;
    private final DiffTextWriter text = new DiffTextWriter();
    private final DiffMarkdownWriter markdown = new DiffMarkdownWriter();
    private final DiffJsonWriter json = new DiffJsonWriter();
    private MetricChartFactory charts;

    public ReportWriters() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates the reports. */
    public ReportWriters(Clock clock) {
        this.clock = clock;
    }

    /** The report model of a comparison, dated now. */
    public Report report(ComparedRuns runs) {
        return Report.of(runs, clock.instant());
    }

    /** A text format as a string; PDF is binary and is rejected (use {@link #write}). */
    public String render(ComparedRuns runs, ReportFormat format) {
        return render(report(runs), format);
    }

    public String render(Report report, ReportFormat format) {
        return switch (format) {
            case TEXT -> text.write(report.compared());
            case MARKDOWN -> markdown.write(report.compared());
            case JSON -> json.write(report.compared());
            case HTML -> new HtmlReportWriter(charts()).write(report);
            case PDF -> throw new IllegalArgumentException("a PDF report is binary: write it to a file (reprodiff report -o FILE.pdf)");
        };
    }

    /** Writes any format to {@code out} (text formats as UTF-8). Does not close {@code out}. */
    public void write(Report report, ReportFormat format, OutputStream out) throws IOException {
        if (format == ReportFormat.PDF) {
            new PdfReportWriter(charts()).write(report, out);
        } else {
            out.write(render(report, format).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private synchronized MetricChartFactory charts() {
        if (charts == null) {
            charts = new MetricChartFactory(new ChartFonts());
        }
        return charts;
    }
}
