package org.reprodiff.report;

import org.reprodiff.diff.Difference;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.StoredRun;

/** The sentences every text-like writer shares, so the text, Markdown and later PDF reports say the same thing. */
final class ReportPhrases {
    private ReportPhrases() {
    }

    static String verdictMeaning(Verdict v) {
        return switch (v) {
            case REPRODUCED -> "recorded inputs equal, outputs equal within tolerance";
            case NONDETERMINISTIC -> "recorded inputs equal, outputs differ";
            case EXPLAINED -> "inputs differ and outputs differ";
            case ROBUST -> "inputs differ, outputs equal";
        };
    }

    static String runLine(String side, StoredRun r) {
        return side + ": " + ComparedRuns.label(r) + " (#" + r.id() + ", " + r.run().format() + ", " + r.run().status()
                + ", " + r.run().source() + ")";
    }

    static String value(String v) {
        return v == null ? "—" : v;
    }

    static String change(Difference d) {
        return switch (d.change()) {
            case ADDED -> "only in B";
            case REMOVED -> "only in A";
            default -> d.change().id();
        };
    }

    static String metric(MetricDiff m) {
        StringBuilder sb = new StringBuilder();
        if (m.onlyInA()) {
            sb.append("only in A (").append(m.pointsA()).append(" points, final ").append(Numbers.format(m.finalA())).append(')');
        } else if (m.onlyInB()) {
            sb.append("only in B (").append(m.pointsB()).append(" points, final ").append(Numbers.format(m.finalB())).append(')');
        } else {
            if (m.identical()) {
                sb.append("bit-identical");
            } else if (m.firstDivergenceStep() == null) {
                sb.append("equal within tolerance");
            } else {
                sb.append("diverges at step ").append(m.firstDivergenceStep());
            }
            if (!Double.isNaN(m.maxAbsDiff()) && m.maxAbsDiff() > 0) {
                sb.append("; max |Δ| ").append(Numbers.format(m.maxAbsDiff())).append(" at step ").append(m.maxAbsDiffStep());
            }
            sb.append("; final ").append(Numbers.format(m.finalA())).append(" vs ").append(Numbers.format(m.finalB()));
            sb.append(" (").append(m.pointsA()).append(" vs ").append(m.pointsB()).append(" points, ")
                    .append(m.commonSteps()).append(" common)");
            if (m.endsEarly()) {
                sb.append("; one curve ends early");
            }
        }
        if (m.spread() != null) {
            sb.append(m.spread().insideSpread() ? "; inside" : "; outside").append(" the seed-to-seed spread of ")
                    .append(m.spread().runs()).append(" twins [").append(Numbers.format(m.spread().min())).append(", ")
                    .append(Numbers.format(m.spread().max())).append(']');
        }
        if (m.system()) {
            sb.append(" (system metric: not used for the verdict)");
        }
        return sb.toString();
    }
}
