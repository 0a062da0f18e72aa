package org.reprodiff.chart;

import org.reprodiff.diff.DiffOptions.Alignment;
import org.reprodiff.model.MetricSeries;

/**
 * What a metric's charts are drawn from: the raw series of run A and run B (either may be null where the run
 * did not log the metric), how the runs are named in the legend, the first divergence the diff found (its
 * aligned position, or null) and the alignment the diff used.
 */
public record MetricCurves(String key, String nameA, MetricSeries a, String nameB, MetricSeries b,
                           Long firstDivergence, Alignment alignment) {
}
