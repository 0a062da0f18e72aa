package org.reprodiff.report;

import org.reprodiff.diff.Cause;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.FacetDiff;
import org.reprodiff.diff.MetricDiff;

/**
 * The terminal form, read like diffoscope: a verdict line, the ranked causes, what was not captured, then only
 * the differences per facet with counts of what is equal.
 */
public final class DiffTextWriter {
    public String write(ComparedRuns runs) {
        Comparison c = runs.comparison();
        StringBuilder out = new StringBuilder();
        out.append(ReportPhrases.runLine("A", runs.a())).append('\n');
        out.append(ReportPhrases.runLine("B", runs.b())).append('\n');
        out.append("Verdict: ").append(c.verdict()).append(" — ").append(ReportPhrases.verdictMeaning(c.verdict())).append("\n\n");
        if (!c.causes().isEmpty()) {
            out.append("Likely causes, most likely first:\n");
            int i = 1;
            for (Cause cause : c.causes()) {
                out.append(String.format("  %2d. [%s] %s%n", i++, cause.facet(), cause.summary()));
            }
            out.append('\n');
        }
        if (!c.suspects().isEmpty()) {
            out.append("Suspects:\n");
            c.suspects().forEach(s -> out.append("  - ").append(s).append('\n'));
            out.append('\n');
        }
        if (!c.notCaptured().isEmpty()) {
            out.append("Not captured: ");
            out.append(String.join(", ", c.notCaptured().stream().map(n -> n.facet().id() + " (" + n.side() + ")").toList()));
            out.append("\n\n");
        }
        for (FacetDiff f : c.facets()) {
            out.append("--- ").append(f.facet().id()).append(": ").append(f.differences().size()).append(" differ, ")
                    .append(f.equal()).append(" equal");
            if (!f.expected().isEmpty()) {
                out.append(", ").append(f.expected().size()).append(" expected");
            }
            out.append('\n');
            f.differences().forEach(d -> line(out, d));
            f.expected().forEach(d -> out.append("    (expected) ").append(d.key()).append(": ")
                    .append(ReportPhrases.value(d.a())).append(" → ").append(ReportPhrases.value(d.b())).append("  [").append(d.note()).append("]\n"));
        }
        if (c.patchDiff() != null) {
            out.append("--- uncommitted patch difference\n").append(c.patchDiff()).append('\n');
        }
        long diverging = c.metrics().stream().filter(MetricDiff::diverges).count();
        out.append("--- metrics: ").append(diverging).append(" of ").append(c.metrics().size()).append(" differ\n");
        for (MetricDiff m : c.metrics()) {
            out.append("  ").append(m.diverges() ? "~ " : "  ").append(m.key()).append(": ").append(ReportPhrases.metric(m)).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Difference d) {
        String mark = switch (d.change()) {
            case ADDED -> "+ ";
            case REMOVED -> "- ";
            default -> "~ ";
        };
        out.append("  ").append(mark).append(d.key()).append(": ").append(ReportPhrases.value(d.a())).append(" → ")
                .append(ReportPhrases.value(d.b())).append("  (").append(ReportPhrases.change(d))
                .append(d.note().isEmpty() ? "" : "; " + d.note()).append(")\n");
    }
}
