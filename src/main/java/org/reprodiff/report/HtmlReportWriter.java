package org.reprodiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reprodiff.chart.MetricChartFactory;
import org.reprodiff.chart.MetricCurves;
import org.reprodiff.chart.SvgChartWriter;
import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Param;
import org.reprodiff.model.Run;

/**
 * The reproducibility report as one self-contained HTML file: the same sections as the PDF, styles inline, the
 * charts as inline SVG drawn from the same chart model. Nothing is loaded from elsewhere (no scripts, no
 * stylesheets, no images, no fonts).
 */
public final class HtmlReportWriter {
    private static final int CHART_W = 640;
    private static final String STYLE = """
            body{margin:0;background:#f3f5f7;color:#222930;font:14px/1.45 "DejaVu Sans",Verdana,Arial,sans-serif}
            main{max-width:980px;margin:0 auto;padding:28px 36px 48px;background:#fff}
            .brand{color:#1f4e79;font-weight:bold;font-size:11px;letter-spacing:.12em;margin:0}
            h1{font-size:24px;margin:4px 0 6px;overflow-wrap:anywhere}
            h2{font-size:18px;color:#1f4e79;border-bottom:1.5px solid #1f4e79;padding-bottom:4px;margin:32px 0 10px}
            h3{font-size:15px;margin:22px 0 8px;overflow-wrap:anywhere}
            .meta,.muted{color:#5f6b76;font-size:12.5px}
            .verdict{border-left:5px solid var(--c);background:var(--t);padding:12px 18px;margin:16px 0}
            .verdict .label{font-size:10.5px;font-weight:bold;color:#5f6b76;letter-spacing:.08em}
            .verdict .name{font-size:24px;font-weight:bold;color:var(--c)}
            .verdict p{margin:4px 0}
            table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:12.5px}
            th{background:#eceff3;text-align:left;padding:5px 7px;border-bottom:1px solid #d5dadf}
            td{padding:4px 7px;border-bottom:1px solid #e6e9ec;vertical-align:top;overflow-wrap:break-word;word-break:normal}
            .runs td:first-child{white-space:nowrap}
            tbody tr:nth-child(even){background:#f7f8fa}
            .key{font-weight:bold}.good{color:#2e7d32}.bad{color:#c62828}.warn{color:#a85b00}.dim{color:#5f6b76}
            .metric{display:flex;gap:18px;align-items:flex-start;flex-wrap:wrap}
            .metric .charts{flex:0 0 auto}.metric svg{display:block;margin-bottom:8px}
            .numbers{margin:0;font-size:12.5px;flex:1 1 180px;min-width:0}.numbers dt{color:#5f6b76;font-size:11px;margin-top:6px}
            .numbers dd{margin:0;font-weight:bold;overflow-wrap:anywhere}
            pre{background:#f7f8fa;padding:8px;font-size:11.5px;overflow-x:auto;white-space:pre-wrap}
            footer{margin-top:36px;color:#5f6b76;font-size:11.5px;border-top:1px solid #d5dadf;padding-top:8px}
            """;

    private final MetricChartFactory charts;
    private final SvgChartWriter svg = new SvgChartWriter();

    public HtmlReportWriter(MetricChartFactory charts) {
        this.charts = charts;
    }

    public String write(Report report) {
        Comparison c = report.compared().comparison();
        HtmlBuilder h = new HtmlBuilder();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"Reprodiff " + HtmlBuilder.escape(report.version()) + "\">\n")
                .element("title", null, report.title()).raw("<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n");
        h.element("p", "brand", "REPRODIFF").element("h1", null, report.title());
        h.element("p", "meta", "Generated " + ReportPhrases.time(report.generatedAt()) + " by Reprodiff " + report.version()
                + " · " + ReportPhrases.options(c.options()));
        String color = ReportColors.hex(ReportColors.verdict(c.verdict()));
        String tint = ReportColors.hex(ReportColors.tint(ReportColors.verdict(c.verdict())));
        h.raw("<section class=\"verdict\" style=\"--c:" + color + ";--t:" + tint + "\">\n")
                .element("div", "label", "VERDICT").element("div", "name", c.verdict().name())
                .element("p", null, ReportPhrases.sentence(ReportPhrases.verdictMeaning(c.verdict())) + ".")
                .element("p", "muted", ReportPhrases.summary(c) + " · not captured: " + ReportPhrases.notCaptured(c))
                .raw("</section>\n");
        summary(h, report, c);
        facets(h, c);
        metrics(h, report, c);
        appendix(h, report);
        h.element("footer", null, "Generated " + ReportPhrases.time(report.generatedAt()) + " by Reprodiff " + report.version()
                + ". Charts are decimated for drawing; every number comes from the raw points.");
        return h.raw("</main>\n</body>\n</html>\n").toString();
    }

    private static void summary(HtmlBuilder h, Report report, Comparison c) {
        h.element("h2", null, "Runs compared");
        List<List<HtmlBuilder.Cell>> rows = new ArrayList<>();
        for (String[] r : ReportPhrases.identity(report.a(), report.b())) {
            rows.add(List.of(new HtmlBuilder.Cell(r[0], "dim"), new HtmlBuilder.Cell(r[1], r[0].equals("name") ? "key" : null),
                    new HtmlBuilder.Cell(r[2], r[0].equals("name") ? "key" : null)));
        }
        h.table("runs", List.of("", "A", "B"), rows);
        h.element("h2", null, "Likely causes, most likely first");
        if (c.causes().isEmpty()) {
            h.element("p", "muted", "No recorded input differs between the runs.");
        } else {
            List<List<HtmlBuilder.Cell>> causes = new ArrayList<>();
            int i = 1;
            for (Cause cause : c.causes()) {
                causes.add(List.of(HtmlBuilder.Cell.of(Integer.toString(i++)), HtmlBuilder.Cell.of(cause.facet()),
                        new HtmlBuilder.Cell(cause.key(), "key"), HtmlBuilder.Cell.of(ReportPhrases.value(cause.a())),
                        HtmlBuilder.Cell.of(ReportPhrases.value(cause.b())), HtmlBuilder.Cell.of(cause.summary())));
            }
            h.table("causes", List.of("#", "facet", "key", "A", "B", "evidence"), causes);
        }
        if (!c.suspects().isEmpty()) {
            h.element("h3", null, "Suspects for the nondeterminism").raw("<ul>\n");
            c.suspects().forEach(s -> h.element("li", null, s));
            h.raw("</ul>\n");
        }
        h.element("h2", null, "Capture checklist");
        List<List<HtmlBuilder.Cell>> checks = new ArrayList<>();
        for (Report.CaptureCheck check : report.checklist()) {
            checks.add(List.of(new HtmlBuilder.Cell(check.facet().id(), "key"), mark(check.capturedA()), mark(check.capturedB()),
                    new HtmlBuilder.Cell(ReportPhrases.facetMeaning(check.facet()), "dim")));
        }
        h.table("checklist", List.of("facet", "A", "B", "covers"), checks);
    }

    private static HtmlBuilder.Cell mark(boolean captured) {
        return captured ? new HtmlBuilder.Cell("✓ captured", "good") : new HtmlBuilder.Cell("✗ not captured", "bad");
    }

    private static void facets(HtmlBuilder h, Comparison c) {
        h.element("h2", null, "Differences by facet");
        for (FacetDiff f : c.facets()) {
            h.element("h3", null, ReportPhrases.facetTitle(f.facet()) + " — " + f.differences().size() + " differ, " + f.equal()
                    + " equal" + (f.expected().isEmpty() ? "" : ", " + f.expected().size() + " expected"));
            if (f.differences().isEmpty()) {
                h.element("p", "muted", f.equal() == 0 && f.expected().isEmpty() ? "Nothing recorded to compare." : "No differences.");
            } else {
                differences(h, f, f.differences(), false);
            }
            if (!f.expected().isEmpty()) {
                h.element("p", "muted", "Expected differences (not counted as causes):");
                differences(h, f, f.expected(), true);
            }
            if (f.facet() == org.reprodiff.model.Facet.CODE && c.patchDiff() != null) {
                h.element("h3", null, "Uncommitted patch difference").element("pre", null, c.patchDiff());
            }
        }
    }

    private static void differences(HtmlBuilder h, FacetDiff f, List<Difference> list, boolean expected) {
        List<List<HtmlBuilder.Cell>> rows = new ArrayList<>();
        for (Difference d : list) {
            String change = expected ? d.note() : ReportPhrases.change(d) + (d.note().isEmpty() ? "" : "; " + d.note());
            rows.add(List.of(new HtmlBuilder.Cell(d.key(), "key"), HtmlBuilder.Cell.of(ReportPhrases.value(d.a())),
                    HtmlBuilder.Cell.of(ReportPhrases.value(d.b())), new HtmlBuilder.Cell(change, expected ? "dim" : changeClass(d))));
        }
        h.table("diff", List.of(ReportPhrases.keyHeader(f.facet()), "A", "B", expected ? "why expected" : "change"), rows);
    }

    private static String changeClass(Difference d) {
        return switch (d.change()) {
            case ADDED -> "good";
            case REMOVED, MAJOR, DOWNGRADE_MAJOR, TYPE_CHANGED -> "bad";
            default -> "warn";
        };
    }

    private void metrics(HtmlBuilder h, Report report, Comparison c) {
        h.element("h2", null, "Metrics");
        h.element("p", "muted", ReportPhrases.metricsSummary(c)
                + " System metrics never decide the verdict. Charts are decimated (each says how); numbers come from raw points.");
        List<List<HtmlBuilder.Cell>> rows = new ArrayList<>();
        for (MetricDiff m : c.metrics()) {
            rows.add(List.of(new HtmlBuilder.Cell(m.key() + (m.system() ? " (system)" : ""), "key"),
                    HtmlBuilder.Cell.of(m.pointsA() + " / " + m.pointsB()),
                    new HtmlBuilder.Cell(ReportPhrases.divergence(m), m.diverges() ? "bad" : "good"),
                    HtmlBuilder.Cell.of(Double.isNaN(m.maxAbsDiff()) ? "—" : Numbers.format(m.maxAbsDiff())),
                    HtmlBuilder.Cell.of(Numbers.format(m.finalA())), HtmlBuilder.Cell.of(Numbers.format(m.finalB()))));
        }
        if (!rows.isEmpty()) {
            h.table("metrics", List.of("metric", "points A / B", "first divergence", "max |B − A|", "final A", "final B"), rows);
        }
        for (MetricDiff m : report.chartedMetrics()) {
            MetricCurves curves = report.curves(m);
            h.element("h3", null, m.key() + " — " + (m.diverges() ? "diverges: " + ReportPhrases.divergence(m) : "agrees"));
            h.raw("<div class=\"metric\">\n<div class=\"charts\">\n");
            h.raw(svg.write(charts.overlay(curves, CHART_W - 76), CHART_W, 300));
            var delta = charts.delta(curves, CHART_W - 76);
            if (!delta.isEmpty()) {
                h.raw(svg.write(delta, CHART_W, 200));
            }
            h.raw("</div>\n<dl class=\"numbers\">\n");
            for (String[] fact : ReportPhrases.metricFacts(m)) {
                h.element("dt", null, fact[0]).element("dd", null, fact[1]);
            }
            h.raw("</dl>\n</div>\n");
        }
    }

    private static void appendix(HtmlBuilder h, Report report) {
        h.element("h2", null, "Appendix");
        side(h, "A. Parameters", "parameter", params(report.a().run()), params(report.b().run()));
        side(h, "B. Environment and hardware", "fact", report.a().run().environment(), report.b().run().environment());
        h.element("h3", null, "C. Packages").element("p", null, "A recorded " + report.a().run().packages().size()
                + " package entries, B " + report.b().run().packages().size() + "; the differences are listed under Packages above.");
    }

    private static Map<String, String> params(Run r) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : r.params()) {
            out.put(p.key(), p.value().raw());
        }
        return out;
    }

    private static void side(HtmlBuilder h, String title, String keyHeader, Map<String, String> a, Map<String, String> b) {
        h.element("h3", null, title);
        TreeMap<String, String[]> rows = new TreeMap<>();
        a.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[0] = v);
        b.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[1] = v);
        if (rows.isEmpty()) {
            h.element("p", "muted", "Neither run recorded any.");
            return;
        }
        List<List<HtmlBuilder.Cell>> out = new ArrayList<>();
        rows.forEach((k, v) -> {
            boolean differs = !Objects.equals(v[0], v[1]);
            out.add(List.of(new HtmlBuilder.Cell(differs ? "≠" : "", "warn"), new HtmlBuilder.Cell(k, differs ? "key" : null),
                    HtmlBuilder.Cell.of(ReportPhrases.value(v[0])), new HtmlBuilder.Cell(ReportPhrases.value(v[1]), differs ? "warn" : null)));
        });
        h.table("appendix", List.of("", keyHeader, "A", "B"), out);
    }
}
