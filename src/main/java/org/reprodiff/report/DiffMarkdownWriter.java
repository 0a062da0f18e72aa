package org.reprodiff.report;

import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.MetricDiff;

/** GitHub-flavoured Markdown, fit for a pull-request comment: verdict, causes and difference tables. */
public final class DiffMarkdownWriter {
    public String write(ComparedRuns runs) {
        Comparison c = runs.comparison();
        StringBuilder out = new StringBuilder();
        out.append("## Reprodiff: ").append(cell(ComparedRuns.label(runs.a()))).append(" vs ").append(cell(ComparedRuns.label(runs.b()))).append("\n\n");
        out.append("**Verdict: ").append(c.verdict()).append("** — ").append(ReportPhrases.verdictMeaning(c.verdict())).append("\n\n");
        out.append("- ").append(cell(ReportPhrases.runLine("A", runs.a()))).append('\n');
        out.append("- ").append(cell(ReportPhrases.runLine("B", runs.b()))).append("\n\n");
        if (!c.causes().isEmpty()) {
            out.append("### Likely causes\n\n");
            int i = 1;
            for (Cause cause : c.causes()) {
                out.append(i++).append(". **").append(cause.facet()).append("** ").append(cell(cause.summary())).append('\n');
            }
            out.append('\n');
        }
        if (!c.suspects().isEmpty()) {
            out.append("### Suspects\n\n");
            c.suspects().forEach(s -> out.append("- ").append(cell(s)).append('\n'));
            out.append('\n');
        }
        if (!c.notCaptured().isEmpty()) {
            out.append("**Not captured:** ").append(String.join(", ", c.notCaptured().stream()
                    .map(n -> "`" + n.facet().id() + "` (" + n.side() + ")").toList())).append("\n\n");
        }
        for (FacetDiff f : c.facets()) {
            if (f.differences().isEmpty() && f.expected().isEmpty()) {
                continue;
            }
            out.append("### ").append(f.facet().id()).append(" — ").append(f.differences().size()).append(" differ, ")
                    .append(f.equal()).append(" equal\n\n| key | A | B | change |\n|---|---|---|---|\n");
            f.differences().forEach(d -> row(out, d, ReportPhrases.change(d) + (d.note().isEmpty() ? "" : "; " + d.note())));
            f.expected().forEach(d -> row(out, d, "expected: " + d.note()));
            out.append('\n');
        }
        out.append("### metrics\n\n| metric | result |\n|---|---|\n");
        for (MetricDiff m : c.metrics()) {
            out.append("| `").append(cell(m.key())).append("` | ").append(cell(ReportPhrases.metric(m))).append(" |\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Difference d, String change) {
        out.append("| `").append(cell(d.key())).append("` | ").append(cell(ReportPhrases.value(d.a()))).append(" | ")
                .append(cell(ReportPhrases.value(d.b()))).append(" | ").append(cell(change)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
