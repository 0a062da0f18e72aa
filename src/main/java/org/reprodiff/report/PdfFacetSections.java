package org.reprodiff.report;

import java.io.IOException;
import java.util.List;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;

/**
 * One section per facet with only the differences (the equal entries are counted, not listed), the expected
 * differences apart, and for code the uncommitted patch difference.
 */
final class PdfFacetSections {
    private static final int PATCH_LINES = 80;
    private final PdfPages pages;

    PdfFacetSections(PdfPages pages) {
        this.pages = pages;
    }

    void write(Report report) throws IOException {
        Comparison c = report.compared().comparison();
        pages.heading("Differences by facet", 1, 150);
        pages.paragraph("Only the entries that differ are listed; equal entries are counted. Values are as each run "
                + "recorded them; \"—\" means absent on that side.", pages.fonts.regular, 9, ReportColors.MUTED);
        pages.down(4);
        for (FacetDiff f : c.facets()) {
            facet(f);
            if (f.facet() == org.reprodiff.model.Facet.CODE && c.patchDiff() != null) {
                patch(c.patchDiff());
            }
        }
    }

    private void facet(FacetDiff f) throws IOException {
        String title = ReportPhrases.facetTitle(f.facet());
        PdfTable t = f.differences().isEmpty() ? null : table(title, f, f.differences(), false);
        pages.heading(title + "  —  " + f.differences().size() + " differ, " + f.equal() + " equal"
                + (f.expected().isEmpty() ? "" : ", " + f.expected().size() + " expected"), 2, t == null ? 20 : t.keepHeight(pages));
        if (t == null) {
            pages.paragraph(f.equal() == 0 && f.expected().isEmpty() ? "Nothing recorded to compare."
                    : "No differences; " + f.equal() + (f.equal() == 1 ? " entry is" : " entries are") + " equal.",
                    pages.fonts.regular, 9, ReportColors.MUTED);
            pages.down(2);
        } else {
            t.draw(pages);
        }
        if (!f.expected().isEmpty()) {
            pages.ensure(40);
            pages.paragraph("Expected differences (not counted as causes)", pages.fonts.bold, 8.5f, ReportColors.MUTED);
            pages.down(2);
            table(title + ", expected differences", f, f.expected(), true).draw(pages);
        }
    }

    private static PdfTable table(String caption, FacetDiff f, List<Difference> rows, boolean expected) {
        boolean packages = f.facet() == org.reprodiff.model.Facet.PACKAGES;
        PdfTable t = new PdfTable(caption, List.of(new PdfTable.Column(ReportPhrases.keyHeader(f.facet()), 2.1f),
                new PdfTable.Column(packages ? "version in A" : "A", 2f), new PdfTable.Column(packages ? "version in B" : "B", 2f),
                new PdfTable.Column(expected ? "why expected" : "change", 2.3f)));
        for (Difference d : rows) {
            String change = expected ? d.note() : ReportPhrases.change(d) + (d.note().isEmpty() ? "" : "; " + d.note());
            t.row(new PdfTable.Cell(d.key(), null, true), PdfTable.Cell.of(ReportPhrases.value(d.a())),
                    PdfTable.Cell.of(ReportPhrases.value(d.b())),
                    new PdfTable.Cell(change, expected ? ReportColors.MUTED : ReportColors.change(d.change()), false));
        }
        return t;
    }

    private void patch(String diff) throws IOException {
        pages.heading("Uncommitted patch difference", 2, 40);
        float size = 7.5f;
        float leading = 9.2f;
        List<String> lines = pages.breaker.wrap(diff, pages.fonts.mono, size, pages.width() - 12, PATCH_LINES);
        for (String line : lines) {
            pages.ensure(leading);
            pages.down(leading);
            java.awt.Color color = line.startsWith("+") ? ReportColors.GOOD : line.startsWith("-") ? ReportColors.BAD : ReportColors.TEXT;
            pages.fill(pages.left(), pages.y() - 2.4f, pages.width(), leading, ReportColors.ZEBRA);
            pages.text(pages.left() + 6, pages.y(), line, pages.fonts.mono, size, color);
        }
        pages.down(8);
    }
}
