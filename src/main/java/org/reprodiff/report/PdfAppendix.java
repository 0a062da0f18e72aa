package org.reprodiff.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reprodiff.model.Param;
import org.reprodiff.model.Run;

/** The appendix: both runs' full parameters and environment side by side, differing rows marked. */
final class PdfAppendix {
    private final PdfPages pages;

    PdfAppendix(PdfPages pages) {
        this.pages = pages;
    }

    void write(Report report) throws IOException {
        Run a = report.a().run();
        Run b = report.b().run();
        pages.newPage();
        pages.heading("Appendix", 1, 80);
        pages.paragraph("Everything each run recorded for these facets, differences included; rows whose values "
                + "differ as text are marked ≠ (the facet sections say which of them count).", pages.fonts.regular, 9, ReportColors.MUTED);
        pages.down(4);
        side("A.  Parameters", "parameter", params(a), params(b));
        side("B.  Environment and hardware", "fact", a.environment(), b.environment());
        pages.heading("C.  Packages", 2, 30);
        pages.paragraph("A recorded " + a.packages().size() + " package entries, B " + b.packages().size()
                + "; the differences are listed in the Packages section.", pages.fonts.regular, 9, ReportColors.TEXT);
    }

    private static Map<String, String> params(Run r) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : r.params()) {
            out.put(p.key(), p.value().raw());
        }
        return out;
    }

    private void side(String title, String keyHeader, Map<String, String> a, Map<String, String> b) throws IOException {
        TreeMap<String, String[]> rows = new TreeMap<>();
        a.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[0] = v);
        b.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[1] = v);
        if (rows.isEmpty()) {
            pages.heading(title, 2, 20);
            pages.paragraph("Neither run recorded any.", pages.fonts.regular, 9, ReportColors.MUTED);
            return;
        }
        PdfTable t = new PdfTable(title, List.of(new PdfTable.Column("", 0.25f), new PdfTable.Column(keyHeader, 2.2f),
                new PdfTable.Column("A", 2.5f), new PdfTable.Column("B", 2.5f)));
        rows.forEach((k, v) -> {
            boolean differs = !Objects.equals(v[0], v[1]);
            t.row(new PdfTable.Cell(differs ? "≠" : "", ReportColors.WARN, true), new PdfTable.Cell(k, null, differs),
                    PdfTable.Cell.of(ReportPhrases.value(v[0])),
                    new PdfTable.Cell(ReportPhrases.value(v[1]), differs ? ReportColors.WARN : null, false));
        });
        pages.heading(title, 2, t.keepHeight(pages));
        t.draw(pages);
    }
}
