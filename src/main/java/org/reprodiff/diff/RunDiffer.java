package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.reprodiff.model.Facet;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Run;

/**
 * Compares two runs, from any sources, facet by facet, and decides the verdict: inputs are every parameter, seed,
 * code, data, environment, hardware and package difference that is not expected; outputs are the user's metrics
 * (a tracker's system metrics never decide). Pure: no IO.
 */
public final class RunDiffer {
    private final ParamDiffer params = new ParamDiffer();
    private final SeedDiffer seeds = new SeedDiffer();
    private final CodeDiffer code = new CodeDiffer();
    private final DataDiffer data = new DataDiffer();
    private final EnvironmentDiffer environment = new EnvironmentDiffer();
    private final PackageDiffer packages = new PackageDiffer();
    private final CurveDiffer curves = new CurveDiffer();
    private final CauseRanker ranker = new CauseRanker();
    private final Suspects suspects = new Suspects();

    /**
     * Compares {@code a} with {@code b}. {@code twinsOfA} are the runs of A's twin group in the project (A
     * included); with three or more, each final metric's difference is set against their seed-to-seed spread.
     */
    public Comparison compare(Run a, Run b, DiffOptions options, List<Run> twinsOfA) {
        ExpectedDifferences expected = new ExpectedDifferences(options.ignore());
        FacetDiff p = params.compare(a, b, expected);
        FacetDiff s = seeds.compare(a, b);
        CodeDiffer.Result c = code.compare(a.code(), b.code());
        FacetDiff d = data.compare(a.data(), b.data());
        FacetDiff e = environment.compare(a.environment(), b.environment());
        FacetDiff k = recordedOnOneSide(packages.compare(a.packages(), b.packages()), a, b);
        List<MetricDiff> metrics = metrics(a, b, options, twinsOfA);
        List<Cause> causes = ranker.rank(c.facet(), d, p, s, e, k);
        boolean outputsDiffer = metrics.stream().anyMatch(m -> !m.system() && m.diverges());
        Verdict verdict = Verdict.of(!causes.isEmpty(), outputsDiffer);
        List<NotCaptured> notCaptured = notCaptured(a, b);
        List<String> suspectList = verdict == Verdict.NONDETERMINISTIC ? suspects.find(a, b, notCaptured) : List.of();
        return new Comparison(verdict, causes, notCaptured, suspectList, p, s, c.facet(), c.patchDiff(), d, e, k, metrics, options);
    }

    private List<MetricDiff> metrics(Run a, Run b, DiffOptions options, List<Run> twins) {
        TreeSet<String> keys = new TreeSet<>();
        a.metrics().forEach(m -> keys.add(m.key()));
        b.metrics().forEach(m -> keys.add(m.key()));
        List<MetricDiff> out = new ArrayList<>();
        for (String key : keys) {
            MetricDiff m = curves.compare(key, a.metric(key), b.metric(key), options);
            out.add(twins.size() >= 3 && !m.system() ? m.withSpread(spread(key, m, twins)) : m);
        }
        return out;
    }

    /** The spread of the final value over the twin group; the A–B difference is inside it when |Δ| ≤ max − min. */
    private static SeedSpread spread(String key, MetricDiff m, List<Run> twins) {
        double min = Double.NaN;
        double max = Double.NaN;
        int n = 0;
        for (Run t : twins) {
            MetricSeries s = t.metric(key);
            if (s == null || s.size() == 0 || !Double.isFinite(s.last())) {
                continue;
            }
            double v = s.last();
            min = n == 0 ? v : Math.min(min, v);
            max = n == 0 ? v : Math.max(max, v);
            n++;
        }
        if (n < 3) {
            return null;
        }
        double delta = Math.abs(m.finalA() - m.finalB());
        return new SeedSpread(n, min, max, delta <= max - min);
    }

    /**
     * A facet only one run captured (a failed run that logged no model, so no package list) holds no evidence of
     * a change: its one-sided entries are kept apart as expected differences, as the environment and code
     * differs do for single facts.
     */
    private static FacetDiff recordedOnOneSide(FacetDiff diff, Run a, Run b) {
        boolean na = a.notCaptured().contains(diff.facet());
        boolean nb = b.notCaptured().contains(diff.facet());
        if (na == nb) {
            return diff;
        }
        List<Difference> expected = new java.util.ArrayList<>(diff.expected());
        String note = "recorded for " + (na ? "B" : "A") + " only";
        diff.differences().forEach(d -> expected.add(new Difference(d.key(), d.a(), d.b(), d.change(), note)));
        return new FacetDiff(diff.facet(), List.of(), expected, diff.equal());
    }

    private static List<NotCaptured> notCaptured(Run a, Run b) {
        List<NotCaptured> out = new ArrayList<>();
        for (Facet f : Facet.values()) {
            boolean na = a.notCaptured().contains(f);
            boolean nb = b.notCaptured().contains(f);
            if (na || nb) {
                out.add(new NotCaptured(f, na && nb ? "both" : na ? "A" : "B"));
            }
        }
        return out;
    }
}
