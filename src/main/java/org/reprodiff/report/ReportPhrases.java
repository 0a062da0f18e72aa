package org.reprodiff.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprodiff.diff.Comparison;
import org.reprodiff.diff.DiffOptions;
import org.reprodiff.diff.Difference;
import org.reprodiff.diff.MetricDiff;
import org.reprodiff.diff.Verdict;
import org.reprodiff.model.Facet;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Run;
import org.reprodiff.model.StoredRun;

/** The sentences every writer shares, so the text, Markdown, HTML and PDF reports say the same thing. */
final class ReportPhrases {
    private ReportPhrases() {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** A facet's heading: {@code packages} → "Packages". */
    static String facetTitle(Facet f) {
        return switch (f) {
            case PARAMS -> "Parameters";
            case SEEDS -> "Seeds";
            case CODE -> "Code";
            case CODE_STATE -> "Code state";
            case DATA -> "Data";
            case ENVIRONMENT -> "Environment and hardware";
            case PACKAGES -> "Packages";
            case HARDWARE -> "Hardware";
            case METRICS -> "Metrics";
        };
    }

    /** What a facet covers, for the capture checklist. */
    static String facetMeaning(Facet f) {
        return switch (f) {
            case PARAMS -> "configuration, flattened to dotted keys";
            case SEEDS -> "every random seed the run recorded";
            case CODE -> "git remote, commit, branch, program and arguments";
            case CODE_STATE -> "dirty flag or uncommitted patch";
            case DATA -> "dataset references with digests";
            case ENVIRONMENT -> "Python, OS, CUDA/cuDNN, framework versions, variables";
            case PACKAGES -> "installed pip or conda packages";
            case HARDWARE -> "CPU, memory, GPU model and count, driver";
            case METRICS -> "metric curves and final values";
        };
    }

    /** The column header for a facet's keys. */
    static String keyHeader(Facet f) {
        return switch (f) {
            case PARAMS -> "parameter";
            case SEEDS -> "seed";
            case CODE -> "field";
            case DATA -> "dataset";
            case ENVIRONMENT -> "fact";
            case PACKAGES -> "package";
            default -> "key";
        };
    }

    /** Label, A's value, B's value: the identity of both runs, row by row. */
    static List<String[]> identity(StoredRun a, StoredRun b) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", ComparedRuns.label(a), ComparedRuns.label(b)});
        rows.add(new String[] {"run", "#" + a.id() + " · " + a.run().format() + " · " + a.run().nativeId(),
                "#" + b.id() + " · " + b.run().format() + " · " + b.run().nativeId()});
        rows.add(new String[] {"experiment", value(a.run().experiment()), value(b.run().experiment())});
        rows.add(new String[] {"status", status(a.run()), status(b.run())});
        rows.add(new String[] {"ran", span(a.run()), span(b.run())});
        rows.add(new String[] {"user", value(a.run().user()), value(b.run().user())});
        rows.add(new String[] {"host", value(a.run().host()), value(b.run().host())});
        rows.add(new String[] {"source", a.run().source(), b.run().source()});
        rows.removeIf(r -> r[1].equals("—") && r[2].equals("—"));
        return rows;
    }

    /** "2023-12-04 09:37:16 UTC → 09:39:35" (the end's date only when it differs). */
    private static String span(Run r) {
        if (r.startTime() == null && r.endTime() == null) {
            return "—";
        }
        String start = time(r.startTime());
        String end = time(r.endTime());
        if (r.startTime() != null && r.endTime() != null && start.substring(0, 10).equals(end.substring(0, 10))) {
            end = end.substring(11);
        }
        return start + " → " + end;
    }

    private static String status(Run r) {
        return r.status() + (r.deleted() ? ", deleted" : "") + (r.truncated() ? ", truncated" : "");
    }

    /** "rtol 1e-05, atol 1e-08, curves aligned by step" (and the ignore globs). */
    static String options(DiffOptions o) {
        String s = "rtol " + compact(o.rtol()) + ", atol " + compact(o.atol()) + ", curves aligned by "
                + o.alignment().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return o.ignore().isEmpty() ? s : s + ", ignoring " + String.join(", ", o.ignore());
    }

    /** A tolerance as people write it: 1e-5, 0.001. */
    static String compact(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return Numbers.format(v);
        }
        if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7) {
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.6e", v);
        int e = s.indexOf('e');
        String mantissa = new java.math.BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** The sentence's first letter in upper case. */
    static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "3 likely causes · 3 of 3 metrics diverge". */
    static String summary(Comparison c) {
        long user = c.metrics().stream().filter(m -> !m.system()).count();
        long diverging = c.metrics().stream().filter(m -> !m.system() && m.diverges()).count();
        int n = c.causes().size();
        return (n == 0 ? "no input differs" : n + (n == 1 ? " likely cause" : " likely causes")) + " · "
                + diverging + " of " + user + (user == 1 ? " metric diverges" : " metrics diverge");
    }

    /** "codeState (both), data (A)", or "nothing" when both runs captured every facet. */
    static String notCaptured(Comparison c) {
        return c.notCaptured().isEmpty() ? "nothing"
                : String.join(", ", c.notCaptured().stream().map(n -> n.facet().id() + " (" + n.side() + ")").toList());
    }

    /** "2 of 3 metrics diverge beyond the tolerance (rtol 1e-5, atol 1e-8, curves aligned by step)." */
    static String metricsSummary(Comparison c) {
        long user = c.metrics().stream().filter(m -> !m.system()).count();
        long diverging = c.metrics().stream().filter(m -> !m.system() && m.diverges()).count();
        return diverging + " of " + user + (user == 1 ? " metric diverges" : " metrics diverge") + " beyond the tolerance ("
                + options(c.options()) + ").";
    }

    /** A metric's first divergence as a short phrase. */
    static String divergence(MetricDiff m) {
        if (m.onlyInA()) {
            return "only in A";
        }
        if (m.onlyInB()) {
            return "only in B";
        }
        if (m.firstDivergenceStep() != null) {
            return "step " + m.firstDivergenceStep();
        }
        if (m.endsEarly()) {
            return "one curve ends early";
        }
        return m.identical() ? "none (bit-identical)" : "none (within tolerance)";
    }

    /** B − A of the final values, from the raw points. */
    static String finalDelta(MetricDiff m) {
        return Double.isNaN(m.finalA()) || Double.isNaN(m.finalB()) ? "—" : Numbers.format(m.finalB() - m.finalA());
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

    /** Label and value of each number the diff gives for one metric, all from raw points. */
    static List<String[]> metricFacts(MetricDiff m) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"points in A / B", m.pointsA() + " / " + m.pointsB()});
        out.add(new String[] {"common positions", Integer.toString(m.commonSteps())});
        out.add(new String[] {"bit-identical", m.identical() ? "yes" : "no"});
        out.add(new String[] {"first divergence", ReportPhrases.divergence(m)});
        if (!Double.isNaN(m.maxAbsDiff())) {
            out.add(new String[] {"max |B − A|" + (m.maxAbsDiffStep() == null ? "" : " (at " + m.maxAbsDiffStep() + ")"),
                    Numbers.format(m.maxAbsDiff())});
        }
        out.add(new String[] {"final A", Numbers.format(m.finalA())});
        out.add(new String[] {"final B", Numbers.format(m.finalB())});
        out.add(new String[] {"final B − A", ReportPhrases.finalDelta(m)});
        if (m.spread() != null) {
            out.add(new String[] {"seed-to-seed spread (" + m.spread().runs() + " twins)", "[" + Numbers.format(m.spread().min())
                    + ", " + Numbers.format(m.spread().max()) + "]: " + (m.spread().insideSpread() ? "inside" : "outside")});
        }
        if (m.endsEarly()) {
            out.add(new String[] {"note", "one curve ends early"});
        }
        return out;
    }
}
