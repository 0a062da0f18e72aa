package org.reprodiff.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;

/** The first page: title, generation facts, the verdict box, both runs, the ranked causes and the capture checklist. */
final class PdfSummarySection {
    /** The summary page lists the most likely causes; the facet sections list every difference. */
    static final int SUMMARY_CAUSES = 10;
    private final PdfPages pages;

    PdfSummarySection(PdfPages pages) {
        this.pages = pages;
    }

    void write(Report report) throws IOException {
        Comparison c = report.compared().comparison();
        pages.bookmark("Summary", 1);
        pages.paragraph("REPRODIFF", pages.fonts.bold, 8, ReportColors.ACCENT);
        pages.down(2);
        for (String line : pages.breaker.wrap(report.title(), pages.fonts.bold, 19, pages.width(), 4)) {
            pages.down(24);
            pages.text(pages.left(), pages.y() + 5, line, pages.fonts.bold, 19, ReportColors.TEXT);
        }
        pages.down(4);
        pages.paragraph("Generated " + ReportPhrases.time(report.generatedAt()) + " by Reprodiff " + report.version()
                + "  ·  " + ReportPhrases.options(c.options()), pages.fonts.regular, 8.5f, ReportColors.MUTED);
        pages.down(10);
        verdict(report, c);
        PdfTable runs = new PdfTable("Runs compared", List.of(new PdfTable.Column("", 0.9f),
                new PdfTable.Column("A", 2.6f), new PdfTable.Column("B", 2.6f)));
        for (String[] row : ReportPhrases.identity(report.a(), report.b())) {
            boolean differs = !row[1].equals(row[2]) && java.util.Set.of("experiment", "status", "user", "host").contains(row[0]);
            runs.row(new PdfTable.Cell(row[0], ReportColors.MUTED, false), new PdfTable.Cell(row[1], null, row[0].equals("name")),
                    new PdfTable.Cell(row[2], differs ? ReportColors.WARN : null, row[0].equals("name")));
        }
        pages.heading("Runs compared", 2, runs.keepHeight(pages));
        runs.draw(pages);
        causes(c);
        suspects(c);
        checklist(report);
    }

    private void verdict(Report report, Comparison c) throws IOException {
        Color color = ReportColors.verdict(c.verdict());
        float inner = pages.width() - 26;
        List<String> meaning = pages.breaker.wrap(ReportPhrases.sentence(ReportPhrases.verdictMeaning(c.verdict())) + ".", pages.fonts.regular, 10, inner, 3);
        List<String> facts = pages.breaker.wrap(ReportPhrases.summary(c) + "  ·  not captured: " + ReportPhrases.notCaptured(c),
                pages.fonts.regular, 8.5f, inner, 4);
        float h = 10 + 11 + 22 + meaning.size() * 13 + 4 + facts.size() * 11.5f + 8;
        pages.ensure(h);
        float top = pages.y();
        pages.fill(pages.left(), top - h, pages.width(), h, ReportColors.tint(color));
        pages.fill(pages.left(), top - h, 4, h, color);
        float x = pages.left() + 16;
        float y = top - 10 - 7;
        pages.text(x, y, "VERDICT", pages.fonts.bold, 7.5f, ReportColors.MUTED);
        y -= 22;
        pages.text(x, y, c.verdict().name(), pages.fonts.bold, 18, color);
        y -= 4;
        for (String line : meaning) {
            y -= 13;
            pages.text(x, y, line, pages.fonts.regular, 10, ReportColors.TEXT);
        }
        y -= 4;
        for (String line : facts) {
            y -= 11.5f;
            pages.text(x, y, line, pages.fonts.regular, 8.5f, ReportColors.MUTED);
        }
        pages.down(h + 4);
    }

    private void causes(Comparison c) throws IOException {
        if (c.causes().isEmpty()) {
            pages.heading("Likely causes, most likely first", 2, 20);
            pages.paragraph("No recorded input differs between the runs.", pages.fonts.regular, 9.5f, ReportColors.MUTED);
            pages.down(6);
            return;
        }
        List<Cause> shown = c.causes().size() > SUMMARY_CAUSES ? c.causes().subList(0, SUMMARY_CAUSES - 1) : c.causes();
        PdfTable t = new PdfTable("Likely causes", List.of(new PdfTable.Column("#", 0.3f), new PdfTable.Column("facet", 0.9f),
                new PdfTable.Column("key", 1.4f), new PdfTable.Column("A", 1.3f), new PdfTable.Column("B", 1.3f),
                new PdfTable.Column("evidence", 2.8f)));
        int i = 1;
        for (Cause cause : shown) {
            t.row(PdfTable.Cell.of(Integer.toString(i++)), PdfTable.Cell.of(cause.facet()), new PdfTable.Cell(cause.key(), null, true),
                    PdfTable.Cell.of(ReportPhrases.value(cause.a())), PdfTable.Cell.of(ReportPhrases.value(cause.b())),
                    PdfTable.Cell.of(cause.summary()));
        }
        pages.heading("Likely causes, most likely first", 2, t.keepHeight(pages));
        t.draw(pages);
        if (shown.size() < c.causes().size()) {
            pages.paragraph((c.causes().size() - shown.size()) + " more, less likely causes are listed in the facet "
                    + "sections below.", pages.fonts.regular, 8.5f, ReportColors.MUTED);
            pages.down(6);
        }
    }

    private void suspects(Comparison c) throws IOException {
        if (c.suspects().isEmpty()) {
            return;
        }
        pages.heading("Suspects for the nondeterminism", 2, 30);
        for (String s : c.suspects()) {
            pages.paragraph("•  " + s, pages.fonts.regular, 9.5f, ReportColors.TEXT, pages.left() + 6, pages.width() - 6);
        }
        pages.down(6);
    }

    private void checklist(Report report) throws IOException {
        PdfTable t = new PdfTable("Capture checklist", List.of(new PdfTable.Column("facet", 1f),
                new PdfTable.Column("A", 1f), new PdfTable.Column("B", 1f), new PdfTable.Column("covers", 3f)));
        for (Report.CaptureCheck check : report.checklist()) {
            t.row(new PdfTable.Cell(check.facet().id(), null, true), mark(check.capturedA()), mark(check.capturedB()),
                    new PdfTable.Cell(ReportPhrases.facetMeaning(check.facet()), ReportColors.MUTED, false));
        }
        pages.heading("Capture checklist", 2, t.keepHeight(pages));
        t.draw(pages);
    }

    private static PdfTable.Cell mark(boolean captured) {
        return captured ? new PdfTable.Cell("✓ captured", ReportColors.GOOD, false)
                : new PdfTable.Cell("✗ not captured", ReportColors.BAD, true);
    }
}
