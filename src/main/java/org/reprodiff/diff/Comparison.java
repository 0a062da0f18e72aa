package org.reprodiff.diff;

import java.util.List;

/**
 * The answer to "what changed between run A and run B": the verdict, the ranked likely causes, what either run
 * did not capture, the suspects when the runs are nondeterministic, and one diff per facet. Built by
 * {@link RunDiffer}; the CLI, the desktop app and the reports only render it.
 */
public record Comparison(Verdict verdict, List<Cause> causes, List<NotCaptured> notCaptured, List<String> suspects,
                         FacetDiff params, FacetDiff seeds, FacetDiff code, String patchDiff, FacetDiff data,
                         FacetDiff environment, FacetDiff packages, List<MetricDiff> metrics, DiffOptions options) {
    public Comparison {
        causes = List.copyOf(causes);
        notCaptured = List.copyOf(notCaptured);
        suspects = List.copyOf(suspects);
        metrics = List.copyOf(metrics);
    }

    /** The facet diffs in display order (metrics aside). */
    public List<FacetDiff> facets() {
        return List.of(params, seeds, code, data, environment, packages);
    }
}
